using System.Net;
using AngleSharp.Html.Parser;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;

namespace Indgang.Web.Tests.Dashboard;

/// <summary>
/// The health assessment offer is a mandatory offer for quota refugees only (needs-based for other refugees, optional for
/// family-reunified persons): a family-reunified adult eight months in is not on the coordinator's overdue list for it,
/// as a legal breach there is none, while a quota refugee as long in is; and the rule set page says whom the rule is for.
/// </summary>
public sealed class HealthOfferAudienceTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Now);

    [Fact]
    public async Task OverdueList_HealthOfferForTheQuotaRefugee_NotForTheFamilyReunified()
    {
        var (coordinator, browser) = await factory.SignedInCoordinatorAsync("koordhelbred");
        var arrived = Today.AddMonths(-8);
        await AddAdultAsync(coordinator, "Familien Sammenført", "Samira", ResidenceBasis.FamilyReunified, arrived);
        await AddAdultAsync(coordinator, "Familien Kvote", "Karim", ResidenceBasis.QuotaRefugee, arrived);

        var page = new HtmlParser().ParseDocument(await browser.GetPageAsync("/"));
        var rows = page.QuerySelectorAll("section[aria-labelledby='overdue'] tbody tr").Select(row => WebUtility.HtmlDecode(row.TextContent)).ToList();

        Assert.Contains(rows, row => row.Contains("Karim", StringComparison.Ordinal) && row.Contains("Tilbud om helbredsvurdering", StringComparison.Ordinal));
        Assert.DoesNotContain(rows, row => row.Contains("Samira", StringComparison.Ordinal) && row.Contains("Tilbud om helbredsvurdering", StringComparison.Ordinal));
        // Her other legal deadlines, such as the contract, are still overdue: she is on the list, only not for this.
        Assert.Contains(rows, row => row.Contains("Samira", StringComparison.Ordinal) && row.Contains("Integrationskontrakt og erklæring", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RuleSetsPage_NamesTheQuotaRefugeesAsTheHealthOffersAudience()
    {
        using var admin = await Browser.SignedInAsync(factory, "admin");

        var page = new HtmlParser().ParseDocument(await admin.GetPageAsync("/Admin/RuleSets"));

        var row = page.QuerySelectorAll("table tbody tr").Select(r => r.TextContent).Single(r => r.Contains("Tilbud om helbredsvurdering", StringComparison.Ordinal) && r.Contains("6 måneder", StringComparison.Ordinal));
        Assert.Contains("Kvoteflygtninge", row, StringComparison.Ordinal);
    }

    private Task<int> AddAdultAsync(string coordinator, string householdName, string firstName, ResidenceBasis basis, DateOnly arrived) =>
        factory.QueryAsync(db =>
        {
            var household = new Household(householdName, coordinator) { RegisteredAt = DateTimeOffset.UtcNow };
            household.SetArrival(arrived, arrived);
            household.AddMember(new Person(firstName, "Helbred", new DateOnly(1990, 1, 1), Gender.Female) { Basis = basis, CprRegisteredOn = arrived });
            db.Households.Add(household);
            return db.SaveChangesAsync();
        });
}
