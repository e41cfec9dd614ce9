using AngleSharp.Html.Parser;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Reception;
using Indgang.Web.Tests.Infrastructure;

namespace Indgang.Web.Tests.Housing;

/// <summary>A household the optimizer leaves without a suggestion is listed on the run's page with why (HOUSE-3: it explains itself).</summary>
public sealed class PlacementUnhousedTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task RunPage_AHouseholdNoUnitFits_IsListedWithTheRuleThatRulesTheUnitsOut()
    {
        // Twelve people: no unit of the stock has the beds.
        var members = Enumerable.Range(1, 12).Select(i => new ArrivalMember(
            $"Barn{(char)('a' + i)}", "Storfamilie", i == 1 ? new DateOnly(1980, 1, 1) : new DateOnly(2010 + (i % 8), 1, i), i % 2 == 0 ? Gender.Female : Gender.Male,
            ResidenceBasis.VisitedRefugee, RelationToFirst: i == 1 ? null : RelationKind.Child)).ToList();
        var household = await factory.RegisterAsync(new ArrivalRequest(null, Arrivals.Today.AddDays(-20), Arrivals.Today, members));
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var run = await housing.RunPlacementAsync(household);

        Assert.Equal([household.ToString()], (await factory.OutcomeAsync(run)).Optimized.Unhoused);
        var page = new HtmlParser().ParseDocument(await housing.GetPageAsync($"/Housing/Placement/{run}"));
        var listed = page.QuerySelector($"li[data-unhoused='{household}']");
        Assert.NotNull(listed);
        Assert.StartsWith("Ingen ledig bolig passer husstanden: for få senge (", listed.QuerySelector(".form-hint")?.TextContent, StringComparison.Ordinal);
    }
}
