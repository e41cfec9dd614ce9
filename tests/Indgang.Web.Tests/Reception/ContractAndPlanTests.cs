using System.Net;
using Indgang.Domain.Audit;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Reception;

public sealed class ContractAndPlanTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task SignContract_FutureDateRejected_ValidDatesMarkTheDeadlineMet()
    {
        var (household, rania) = await HaddadAsync("Rania");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var url = $"/Households/{household}/Contract?personId={rania}";

        using var future = await coordinator.PostFormAsync(url, new Dictionary<string, string>
        {
            ["PersonId"] = rania.ToString(),
            ["ContractSignedOn"] = Arrivals.Iso(Arrivals.Today.AddDays(2)),
            ["DeclarationSignedOn"] = Arrivals.Iso(Arrivals.Today),
        }, formPage: url);
        var futureHtml = WebUtility.HtmlDecode(await future.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, future.StatusCode);
        Assert.Contains("id=\"ContractSignedOn-error\"", futureHtml, StringComparison.Ordinal);
        Assert.Contains("Datoen kan ikke ligge i fremtiden.", futureHtml, StringComparison.Ordinal);

        // Two mistakes of different kinds come back together: an unreadable date and a missing one.
        using var both = await coordinator.PostFormAsync(url, new Dictionary<string, string>
        {
            ["PersonId"] = rania.ToString(),
            ["ContractSignedOn"] = "i går",
            ["DeclarationSignedOn"] = "",
        }, formPage: url);
        var bothHtml = WebUtility.HtmlDecode(await both.Content.ReadAsStringAsync());
        Assert.Contains("id=\"ContractSignedOn-error\"", bothHtml, StringComparison.Ordinal);
        Assert.Contains("Angiv datoen, hvor erklæringen blev underskrevet.", bothHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"i går\"", bothHtml, StringComparison.Ordinal);

        using var signed = await coordinator.PostFormAsync(url, new Dictionary<string, string>
        {
            ["PersonId"] = rania.ToString(),
            ["ContractSignedOn"] = Arrivals.Iso(Arrivals.Today),
            ["DeclarationSignedOn"] = Arrivals.Iso(Arrivals.Today),
        }, formPage: url);
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        var page = WebUtility.HtmlDecode(await coordinator.GetPageAsync($"/Households/{household}"));
        var row = page[page.IndexOf("<h3>Rania Haddad</h3>", StringComparison.Ordinal)..];
        row = row[row.IndexOf("data-deadline=\"IntegrationContract\"", StringComparison.Ordinal)..];
        // The demo's Rania: the law's month from her day 0 ended a few days ago, so signed today it is met, late.
        Assert.Contains(">Opfyldt for sent</span>", row[..row.IndexOf("</tr>", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.Equal(1, await factory.AuditCountAsync(AuditAction.ContractSigned, rania));
    }

    [Fact]
    public async Task Contract_ForAChild_IsRefused()
    {
        var (household, omar) = await HaddadAsync("Omar");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        var url = $"/Households/{household}/Contract?personId={omar}";
        using var response = await coordinator.PostFormAsync(url, new Dictionary<string, string>
        {
            ["PersonId"] = omar.ToString(),
            ["ContractSignedOn"] = Arrivals.Iso(Arrivals.Today),
            ["DeclarationSignedOn"] = Arrivals.Iso(Arrivals.Today),
        }, formPage: url);

        Assert.Contains("Kun voksne over 18 år", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.IntegrationContracts.AnyAsync(c => c.PersonId == omar)));
    }

    [Fact]
    public async Task Plan_SavedTwice_KeepsVersionsShowsChangesAndPrints()
    {
        var (_, ahmad) = await HaddadAsync("Ahmad");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var form = PlanForm(version: null);

        using var first = await coordinator.PostFormAsync($"/People/{ahmad}/Plan", form);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var version = await factory.QueryAsync(db => db.Plans.Where(p => p.PersonId == ahmad).Select(p => p.Version).SingleAsync());

        form = PlanForm(version);
        form["Input.Activities[1].Status"] = "Ongoing";
        using var second = await coordinator.PostFormAsync($"/People/{ahmad}/Plan", form);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);

        Assert.Equal(2, await factory.QueryAsync(db => db.PlanVersions.CountAsync(v => db.Plans.Any(p => p.Id == v.PlanId && p.PersonId == ahmad))));
        var history = WebUtility.HtmlDecode(await coordinator.GetPageAsync($"/People/{ahmad}/Plan/History"));
        Assert.Contains("Ændret", history, StringComparison.Ordinal);
        // Told in the reader's language: its kind, Danish days and status, not the status's code name.
        var da = System.Globalization.CultureInfo.GetCultureInfo("da-DK");
        var days = $"{Arrivals.Today.AddMonths(1).ToString("d. MMM yyyy", da)}–{Arrivals.Today.AddMonths(4).ToString("d. MMM yyyy", da)}";
        Assert.Contains($"<td>Virksomhedspraktik i Netto (Virksomhedspraktik): {days}, Planlagt, Borgerservice – Jobberiet</td><td>Virksomhedspraktik i Netto (Virksomhedspraktik): {days}, I gang, Borgerservice – Jobberiet</td>", history, StringComparison.Ordinal);
        Assert.DoesNotContain("Planned", history, StringComparison.Ordinal);
        var print = WebUtility.HtmlDecode(await coordinator.GetPageAsync($"/People/{ahmad}/Plan/Print"));
        Assert.Contains("<h1>Min plan</h1>", print, StringComparison.Ordinal);
        Assert.Contains("Ahmad Haddad", print, StringComparison.Ordinal);
        Assert.Contains("Danskuddannelse modul 1", print, StringComparison.Ordinal);
        Assert.Contains("I gang", print, StringComparison.Ordinal);
        Assert.DoesNotContain("<nav", print, StringComparison.Ordinal);
        Assert.Equal(1, await factory.AuditCountAsync(AuditAction.PlanPrinted, ahmad));
    }

    [Fact]
    public async Task Plan_TheActivityCatalogue_OffersEveryKindOnce_TheOrdinaryJobAmongTheWaysToWork()
    {
        var (_, ahmad) = await HaddadAsync("Ahmad");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await coordinator.GetPageAsync($"/People/{ahmad}/Plan"));

        var kinds = page.QuerySelectorAll("select[name='Input.Activities[0].Kind'] option").Select(o => (o.GetAttribute("value"), o.TextContent.Trim())).ToList();
        Assert.Equal(
            [("", "Vælg"), ("DanishEducation", "Danskuddannelse"), ("JobberietCourse", "Forløb i Jobberiet"), ("JobSearch", "Jobsøgning"),
             ("CompanyInternship", "Virksomhedspraktik"), ("WageSubsidy", "Løntilskud"), ("Igu", "IGU (integrationsgrunduddannelse)"),
             ("Employment", "Ordinært job"), ("School", "Skole"), ("Daycare", "Dagtilbud"), ("HealthVisitor", "Sundhedsplejerske"),
             ("Psychologist", "Psykolog"), ("Doctor", "Læge"), ("Other", "Andet")],
            kinds);
        Assert.Equal(Enum.GetValues<Domain.Plans.ActivityKind>().Length + 1, kinds.Count);
    }

    [Fact]
    public async Task Plan_SavedOnAnOldVersion_IsRefusedWithInputKept()
    {
        var (_, rania) = await HaddadAsync("Rania");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        using var created = await coordinator.PostFormAsync($"/People/{rania}/Plan", PlanForm(version: null));
        var original = await factory.QueryAsync(db => db.Plans.Where(p => p.PersonId == rania).Select(p => p.Version).SingleAsync());
        using var byColleague = await coordinator.PostFormAsync($"/People/{rania}/Plan", PlanForm(original));

        var mine = PlanForm(original);
        mine["Input.Goals[0].Text"] = "Mit eget mål, der ikke må gå tabt";
        using var stale = await coordinator.PostFormAsync($"/People/{rania}/Plan", mine);
        var html = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("efter du åbnede den", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Mit eget mål, der ikke må gå tabt\"", html, StringComparison.Ordinal);
        Assert.Equal(2, await factory.QueryAsync(db => db.Plans.Where(p => p.PersonId == rania).Select(p => p.CurrentVersionNumber).SingleAsync()));
    }

    [Fact]
    public async Task Plan_ActivityPastFiveYearsOrUnknownDepartment_IsRejected()
    {
        var (_, ahmad) = await HaddadAsync("Ahmad");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var form = PlanForm(await factory.QueryAsync(db => db.Plans.Where(p => p.PersonId == ahmad).Select(p => (Guid?)p.Version).SingleOrDefaultAsync()));
        form["Input.Activities[0].End"] = Arrivals.Iso(Arrivals.Today.AddYears(7));
        form["Input.Activities[1].DepartmentName"] = "Afdelingen der ikke findes";

        using var response = await coordinator.PostFormAsync($"/People/{ahmad}/Plan", form);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Intet kan planlægges efter den dato.", html, StringComparison.Ordinal);
        Assert.Contains("Vælg en afdeling fra listen.", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("leder")]
    [InlineData("sekretariat")]
    [InlineData("admin")]
    public async Task PlanPages_NotTheCaseOwner_Return403(string userName)
    {
        var (_, ahmad) = await HaddadAsync("Ahmad");
        using var browser = await Browser.SignedInAsync(factory, userName);

        using var plan = await browser.GetAsync($"/People/{ahmad}/Plan");
        using var print = await browser.GetAsync($"/People/{ahmad}/Plan/Print");

        Assert.Equal(HttpStatusCode.Forbidden, plan.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, print.StatusCode);
    }

    private static Dictionary<string, string> PlanForm(Guid? version) => new()
    {
        ["Input.Version"] = version?.ToString() ?? "",
        ["Input.Goals[0].Text"] = "Ordinært job inden for 2 år",
        ["Input.Goals[0].SubGoals"] = "Dansk niveau 2\nKørekort",
        ["Input.Activities[0].Kind"] = "DanishEducation",
        ["Input.Activities[0].Title"] = "Danskuddannelse modul 1",
        ["Input.Activities[0].DepartmentName"] = "Borgerservice – Jobberiet",
        ["Input.Activities[0].Start"] = Arrivals.Iso(Arrivals.Today.AddDays(7)),
        ["Input.Activities[0].End"] = Arrivals.Iso(Arrivals.Today.AddMonths(6)),
        ["Input.Activities[0].Status"] = "Planned",
        ["Input.Activities[1].Kind"] = "CompanyInternship",
        ["Input.Activities[1].Title"] = "Virksomhedspraktik i Netto",
        ["Input.Activities[1].DepartmentName"] = "Borgerservice – Jobberiet",
        ["Input.Activities[1].Start"] = Arrivals.Iso(Arrivals.Today.AddMonths(1)),
        ["Input.Activities[1].End"] = Arrivals.Iso(Arrivals.Today.AddMonths(4)),
        ["Input.Activities[1].Status"] = "Planned",
    };

    private async Task<(Guid Household, Guid Person)> HaddadAsync(string firstName)
    {
        var person = await factory.PersonIdAsync(firstName);
        var household = await factory.QueryAsync(db => db.Persons.Where(p => p.Id == person).Select(p => p.HouseholdId!.Value).SingleAsync());
        return (household, person);
    }
}
