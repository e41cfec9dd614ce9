using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;

namespace Indgang.Web.Tests.Households;

/// <summary>
/// Allerød (the demo municipality) offers "alle flygtninge og familiesammenførte" the health check within 3 months. The law
/// sets a deadline for the offer only for quota refugees, yet the municipality's goal applies to everyone: a
/// family-reunified adult sees it on the case as the municipality's goal without a legal date, and is not on the overdue
/// list for it, as there is no legal breach; a quota refugee sees both dates. The page marking it met is open to both.
/// </summary>
public sealed class LocalHealthTargetTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private const string HealthOffer = "Tilbud om helbredsvurdering";
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Now);

    [Fact]
    public async Task FamilyReunifiedAdult_SeesTheMunicipalitysGoalWithoutLegalDate_QuotaRefugeeSeesBoth()
    {
        var (coordinator, browser) = await factory.SignedInCoordinatorAsync("koordlokalmaal");
        using var _ = browser;
        var arrived = Today.AddMonths(-4);
        var reunified = await AddAdultAsync(coordinator, "Familien Lokalmål", "Farah", ResidenceBasis.FamilyReunified, arrived);
        var quota = await AddAdultAsync(coordinator, "Familien Kvotemål", "Kamal", ResidenceBasis.QuotaRefugee, arrived);

        var (reunifiedLegal, reunifiedTarget) = await HealthRowAsync(browser, reunified);
        var (quotaLegal, quotaTarget) = await HealthRowAsync(browser, quota);

        Assert.Contains("–", reunifiedLegal, StringComparison.Ordinal);
        Assert.Contains("(ingen lovfrist)", reunifiedLegal, StringComparison.Ordinal);
        Assert.DoesNotContain(D(arrived.AddMonths(6)), reunifiedLegal, StringComparison.Ordinal);
        Assert.Contains(D(arrived.AddMonths(3)), reunifiedTarget, StringComparison.Ordinal);
        Assert.Contains("(kommunens mål)", reunifiedTarget, StringComparison.Ordinal);
        Assert.Contains("Overskredet", reunifiedTarget, StringComparison.Ordinal);

        Assert.Contains(D(arrived.AddMonths(6)), quotaLegal, StringComparison.Ordinal);
        Assert.DoesNotContain("(ingen lovfrist)", quotaLegal, StringComparison.Ordinal);
        Assert.Contains(D(arrived.AddMonths(3)), quotaTarget, StringComparison.Ordinal);
        Assert.Contains("(kommunens mål)", quotaTarget, StringComparison.Ordinal);
    }

    /// <summary>
    /// Both are four months in: past the municipality's 3 months, within the law's 6. The quota refugee is on the overdue
    /// list by the municipality's target beside a legal deadline; the family-reunified person, with no legal deadline, is not.
    /// </summary>
    [Fact]
    public async Task OverdueList_LocalOnlyGoalPassed_NotListed_QuotaRefugeesTargetPassed_Listed()
    {
        var (coordinator, browser) = await factory.SignedInCoordinatorAsync("koordlokalliste");
        using var _ = browser;
        var arrived = Today.AddMonths(-4);
        await AddAdultAsync(coordinator, "Familien Listemål", "Fatima", ResidenceBasis.FamilyReunified, arrived);
        await AddAdultAsync(coordinator, "Familien Listekvote", "Khaled", ResidenceBasis.QuotaRefugee, arrived);

        var page = new HtmlParser().ParseDocument(await browser.GetPageAsync("/"));
        var rows = page.QuerySelectorAll("section[aria-labelledby='overdue'] tbody tr").Select(row => WebUtility.HtmlDecode(row.TextContent)).ToList();

        Assert.Contains(rows, row => row.Contains("Khaled", StringComparison.Ordinal) && row.Contains(HealthOffer, StringComparison.Ordinal));
        Assert.DoesNotContain(rows, row => row.Contains("Fatima", StringComparison.Ordinal) && row.Contains(HealthOffer, StringComparison.Ordinal));
        // Her legal deadlines are overdue as before: she is on the list, only not for the municipality's goal.
        Assert.Contains(rows, row => row.Contains("Fatima", StringComparison.Ordinal) && row.Contains("Integrationskontrakt og erklæring", StringComparison.Ordinal));
    }

    /// <summary>The health offer is marked met for the family-reunified person by the municipality's target; a deadline she has by neither (the unaccompanied minor's decision) is refused.</summary>
    [Fact]
    public async Task DeadlinePage_OpenForTheLocalGoal_RefusedForADeadlineThePersonDoesNotHave()
    {
        var (coordinator, browser) = await factory.SignedInCoordinatorAsync("koordlokalfrist");
        using var _ = browser;
        var household = await AddAdultAsync(coordinator, "Familien Fristmål", "Fridolina", ResidenceBasis.FamilyReunified, Today.AddMonths(-4));
        var person = await factory.PersonIdAsync("Fridolina");
        var url = $"/Households/{household}/Deadline?personId={person}&kind=HealthAssessmentOffer";

        using var saved = await browser.PostFormAsync(url, new Dictionary<string, string> { ["CompletedOn"] = Arrivals.Iso(Today.AddDays(-1)) }, formPage: url);
        using var other = await browser.GetAsync($"/Households/{household}/Deadline?personId={person}&kind=AdultProgrammeDecision");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task RuleSetsPage_SaysTheMunicipalitysHealthTargetMayApplyToEveryone()
    {
        using var admin = await Browser.SignedInAsync(factory, "admin");

        var page = new HtmlParser().ParseDocument(await admin.GetPageAsync("/Admin/RuleSets"));

        var row = page.QuerySelectorAll("table tbody tr").Select(r => WebUtility.HtmlDecode(r.TextContent)).Single(r => r.Contains(HealthOffer, StringComparison.Ordinal) && r.Contains("6 måneder", StringComparison.Ordinal));
        Assert.Contains("Kommunens mål kan gælde for: Alle", row, StringComparison.Ordinal);
    }

    private static string D(DateOnly date) => date.ToString("d. MMM yyyy", Danish);

    private static async Task<(string Legal, string Target)> HealthRowAsync(Browser browser, Guid household)
    {
        var page = new HtmlParser().ParseDocument(await browser.GetPageAsync($"/Households/{household}"));
        var cells = page.QuerySelector("tr[data-deadline='HealthAssessmentOffer']")!.QuerySelectorAll("td").Select(cell => WebUtility.HtmlDecode(cell.TextContent)).ToList();
        return (cells[1], cells[2]);
    }

    private Task<Guid> AddAdultAsync(string coordinator, string householdName, string firstName, ResidenceBasis basis, DateOnly arrived) =>
        factory.QueryAsync(async db =>
        {
            var household = new Household(householdName, coordinator) { RegisteredAt = DateTimeOffset.UtcNow };
            household.SetArrival(arrived, arrived);
            household.AddMember(new Person(firstName, "Lokalmål", new DateOnly(1990, 1, 1), Gender.Female) { Basis = basis, CprRegisteredOn = arrived });
            db.Households.Add(household);
            await db.SaveChangesAsync();
            return household.Id;
        });
}
