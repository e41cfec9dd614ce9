using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;

namespace Indgang.Web.Tests.Housing;

/// <summary>The placement page of a municipality that has never run the optimizer (a database of its own, with no runs).</summary>
public sealed class PlacementHistoryEmptyTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task NoRunsYet_TheListSaysSoAndShowsNoTable()
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var html = await housing.GetPageAsync("/Housing/Placement");

        Assert.Equal("Tidligere kørsler\nOptimeringen er ikke kørt endnu.", EarlierRunsList.Section(html));
        Assert.Empty(EarlierRunsList.Runs(html));
    }
}
