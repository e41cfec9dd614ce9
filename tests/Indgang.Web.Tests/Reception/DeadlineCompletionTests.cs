using System.Net;
using Indgang.Domain.Audit;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Reception;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Reception;

public sealed class DeadlineCompletionTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    /// <summary>
    /// The health assessment offer is a legal deadline for quota refugees only, so it is recorded for one (the demo's Lina,
    /// used here before, is a visited refugee and no longer has that deadline).
    /// </summary>
    [Fact]
    public async Task MarkHealthOfferMet_FutureDateRejected_ThenShownAsMet()
    {
        var household = await factory.RegisterSingleAsync("Helbredstilbud", Domain.People.Gender.Female, firstName: "Kvote");
        var lina = await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household).Select(p => p.Id).SingleAsync());
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var url = $"/Households/{household}/Deadline?personId={lina}&kind=HealthAssessmentOffer";
        var fields = new Dictionary<string, string> { ["PersonId"] = lina.ToString(), ["Kind"] = "HealthAssessmentOffer", ["CompletedOn"] = Arrivals.Iso(Arrivals.Today.AddDays(1)) };

        using var future = await coordinator.PostFormAsync(url, fields, formPage: url);
        Assert.Contains("Datoen kan ikke ligge i fremtiden.", WebUtility.HtmlDecode(await future.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        fields["CompletedOn"] = Arrivals.Iso(Arrivals.Today);
        using var saved = await coordinator.PostFormAsync(url, fields, formPage: url);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = WebUtility.HtmlDecode(await coordinator.GetPageAsync($"/Households/{household}"));
        var section = page[page.IndexOf("<h3>Kvote Helbredstilbud</h3>", StringComparison.Ordinal)..];
        var row = section[section.IndexOf("data-deadline=\"HealthAssessmentOffer\"", StringComparison.Ordinal)..];
        Assert.Contains("Overholdt", row[..row.IndexOf("</tr>", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.Equal(1, await factory.AuditCountAsync(AuditAction.DeadlineMet, lina));
    }

    /// <summary>
    /// A deadline marked met after the law's date is shown as met late: "Opfyldt for sent", not "Overholdt" (kept), which
    /// it was not (the status read "Overholdt for sent", kept too late).
    /// </summary>
    [Fact]
    public async Task MarkedMetAfterTheLegalDate_ShownAsMetLate()
    {
        var household = await factory.RegisterAsync(new ArrivalRequest(null, Arrivals.Today.AddDays(-260), Arrivals.Today.AddDays(-240),
            [new ArrivalMember("Kvote", "Forsinket", new DateOnly(1990, 1, 1), Domain.People.Gender.Female, ResidenceBasis.QuotaRefugee)]));
        var person = await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household).Select(p => p.Id).SingleAsync());
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var url = $"/Households/{household}/Deadline?personId={person}&kind=HealthAssessmentOffer";
        Assert.Contains("Overskredet", await RowOnTheCaseAsync(coordinator, household), StringComparison.Ordinal);

        using var marked = await coordinator.PostFormAsync(url, new Dictionary<string, string>
        {
            ["PersonId"] = person.ToString(), ["Kind"] = "HealthAssessmentOffer", ["CompletedOn"] = Arrivals.Iso(Arrivals.Today),
        }, formPage: url);

        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        var row = await RowOnTheCaseAsync(coordinator, household);
        Assert.Contains("Opfyldt for sent", row, StringComparison.Ordinal);
        Assert.DoesNotContain("Overholdt", row, StringComparison.Ordinal);
    }

    /// <summary>
    /// A date marked by mistake is removed with »Fjern markeringen«, logged, and the case shows the deadline as not met
    /// (the page required a date, so a marking could not be taken off).
    /// </summary>
    [Fact]
    public async Task AMarkedDeadline_IsRemoved_Audited_AndTheCaseShowsItNotMet()
    {
        var household = await factory.RegisterSingleAsync("Fjernmarkering", Domain.People.Gender.Female, firstName: "Kvote");
        var person = await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household).Select(p => p.Id).SingleAsync());
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var url = $"/Households/{household}/Deadline?personId={person}&kind=HealthAssessmentOffer";
        Assert.DoesNotContain("Fjern markeringen", await coordinator.GetPageAsync(url), StringComparison.Ordinal);
        var fields = new Dictionary<string, string> { ["PersonId"] = person.ToString(), ["Kind"] = "HealthAssessmentOffer", ["CompletedOn"] = Arrivals.Iso(Arrivals.Today) };
        using var marked = await coordinator.PostFormAsync(url, fields, formPage: url);
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        Assert.Contains("Overholdt", await RowOnTheCaseAsync(coordinator, household), StringComparison.Ordinal);

        var form = await coordinator.GetPageAsync(url);
        Assert.Contains("Fjern markeringen", form, StringComparison.Ordinal);
        fields["Version"] = VersionIn(form);
        using var removed = await coordinator.PostFormAsync($"/Households/{household}/Deadline?handler=Remove&personId={person}&kind=HealthAssessmentOffer", fields, formPage: url);

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await factory.QueryAsync(db => db.DeadlineCompletions.AnyAsync(c => c.PersonId == person)));
        Assert.Equal(1, await factory.AuditCountAsync(AuditAction.DeadlineMetRemoved, person));
        var row = await RowOnTheCaseAsync(coordinator, household);
        Assert.DoesNotContain("Overholdt", row, StringComparison.Ordinal);
        Assert.Contains("Markér som opfyldt", row, StringComparison.Ordinal);
        Assert.DoesNotContain("Fjern markeringen", await coordinator.GetPageAsync(url), StringComparison.Ordinal);
    }

    /// <summary>Removing a marking is refused to a user who does not own the case, as marking it is; the marking stays.</summary>
    [Fact]
    public async Task RemovingAMarking_ByAUserWithoutAccess_IsRefused()
    {
        var household = await factory.RegisterSingleAsync("Fjernforbudt", Domain.People.Gender.Female, firstName: "Kvote");
        var person = await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household).Select(p => p.Id).SingleAsync());
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var url = $"/Households/{household}/Deadline?personId={person}&kind=HealthAssessmentOffer";
        var fields = new Dictionary<string, string> { ["PersonId"] = person.ToString(), ["Kind"] = "HealthAssessmentOffer", ["CompletedOn"] = Arrivals.Iso(Arrivals.Today) };
        using var marked = await coordinator.PostFormAsync(url, fields, formPage: url);
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        fields["Version"] = VersionIn(await coordinator.GetPageAsync(url));

        using var housing = await Browser.SignedInAsync(factory, "bolig");
        using var markedByOther = await housing.PostFormAsync(url, fields, formPage: "/Housing/Pipeline");
        using var removedByOther = await housing.PostFormAsync($"/Households/{household}/Deadline?handler=Remove&personId={person}&kind=HealthAssessmentOffer", fields, formPage: "/Housing/Pipeline");

        Assert.Equal(HttpStatusCode.Forbidden, markedByOther.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, removedByOther.StatusCode);
        Assert.True(await factory.QueryAsync(db => db.DeadlineCompletions.AnyAsync(c => c.PersonId == person)));
        Assert.Equal(0, await factory.AuditCountAsync(AuditAction.DeadlineMetRemoved, person));
    }

    private static string VersionIn(string page) =>
        System.Text.RegularExpressions.Regex.Match(page, "name=\"Version\" value=\"([0-9a-f-]{36})\"").Groups[1].Value;

    /// <summary>The health offer's row on the case: its statuses, its date met and its link.</summary>
    private static async Task<string> RowOnTheCaseAsync(Browser coordinator, Guid household)
    {
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await coordinator.GetPageAsync($"/Households/{household}"));
        var row = page.QuerySelector("tr[data-deadline='HealthAssessmentOffer']");
        Assert.NotNull(row);
        return Normalized(row.TextContent)!;
    }

    /// <summary>
    /// The page that marks a deadline met says which deadline it is: the law's date and the target, each with its status,
    /// as the case shows them (it showed only the deadline's name, so the coordinator could not see the date she was
    /// marking as met, or whether it was late).
    /// </summary>
    [Fact]
    public async Task TheMarkMetPage_ShowsTheLegalDateAndTheTarget_WithTheirStatus()
    {
        var household = await factory.RegisterSingleAsync("Fristsiden");
        var person = await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household).Select(p => p.Id).SingleAsync());
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var da = System.Globalization.CultureInfo.GetCultureInfo("da-DK");

        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(
            await coordinator.GetPageAsync($"/Households/{household}/Deadline?personId={person}&kind=FirstCompanyOffer"));

        // Day 0 is the expected arrival, today: the law's month and the national target of two weeks.
        Assert.Equal($"Lovens frist: {Arrivals.Today.AddMonths(1).ToString("d. MMMM yyyy", da)} Åben", Normalized(page.QuerySelector("[data-testid='legal-date']")?.TextContent));
        Assert.Equal($"Mål: {Arrivals.Today.AddDays(14).ToString("d. MMMM yyyy", da)} (nationalt mål) Snart", Normalized(page.QuerySelector("[data-testid='target-date']")?.TextContent));
    }

    private static string? Normalized(string? text) =>
        text is null ? null : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task ExtendPlan_BeforeTheOneYearReview_IsRefused()
    {
        var (_, ahmad) = await MemberAsync("Ahmad");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        using var plan = await coordinator.PostFormAsync($"/People/{ahmad}/Plan", new Dictionary<string, string>
        {
            ["Input.Goals[0].Text"] = "Job",
        });
        Assert.Equal(HttpStatusCode.Redirect, plan.StatusCode);

        using var early = await coordinator.PostFormAsync($"/People/{ahmad}/Plan?handler=Extend", new Dictionary<string, string> { ["ExtensionReason"] = "Ikke selvforsørgende" }, formPage: $"/People/{ahmad}/Plan");

        Assert.Contains("Planen forlænges ved opfølgningen efter 1 år", WebUtility.HtmlDecode(await early.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Null(await factory.QueryAsync(db => db.Plans.Where(p => p.PersonId == ahmad).Select(p => p.ExtensionReason).SingleAsync()));
    }

    private async Task<(Guid Household, Guid Person)> MemberAsync(string firstName)
    {
        var person = await factory.PersonIdAsync(firstName);
        var household = await factory.QueryAsync(db => db.Persons.Where(p => p.Id == person).Select(p => p.HouseholdId!.Value).SingleAsync());
        return (household, person);
    }
}
