using AngleSharp.Html.Parser;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// The stock's free beds are those a household can be given today (HOUSE-1): a whole unit someone lives in has none,
/// however many beds stand empty (one household a whole unit), and a shared-room resident who has agreed to move out
/// later keeps a bed until then. The filter "Mindst antal ledige senge", the API's minFreeBeds, the list's "Senge
/// (ledige)", the unit page's "ledige" and the CSV file's free_beds all count them so. Units of the test's own, found by their labels.
/// </summary>
public sealed class BedsToGiveTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task WholeUnitWithOneResident_HasNoBedsToGive_InTheFilterTheListAndTheUnitPage()
    {
        var occupied = await factory.UnitOfItsOwnAsync("Sengtal Hel 1", beds: 4);
        await factory.UnitOfItsOwnAsync("Sengtal Hel 2", beds: 4);
        await factory.MovedInAsync(occupied, await factory.RegisterSingleAsync("Sengtal"), Arrivals.Today);
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var filtered = await housing.FilteredAsync(("Search", "Sengtal Hel"), ("MinFreeBeds", "3"));
        var listed = await housing.FilteredAsync(("Search", "Sengtal Hel"));
        var unitPage = await housing.GetPageAsync($"/Housing/Units/{occupied}");
        var api = await housing.UnitsAsync(("search", "Sengtal Hel"), ("minFreeBeds", "3"));

        Assert.Equal(["Sengtal Hel 2"], StockPage.Units(filtered));
        Assert.Equal(["Sengtal Hel 2"], api.Select(u => u.Label));
        Assert.Equal("4 (0)", BedsCell(listed, "Sengtal Hel 1"));
        Assert.Equal("4 (4)", BedsCell(listed, "Sengtal Hel 2"));
        Assert.Equal("4 (ledige: 0)", BedsFact(unitPage));
    }

    [Fact]
    public async Task SharedRoom_ResidentLeavingLater_KeepsTheBed_InTheFilterTheListAndTheUnitPage()
    {
        // Two beds; one resident stays, one has agreed to move out in 30 days: no bed to give today.
        var room = await factory.UnitOfItsOwnAsync("Sengtal Delt 1", beds: 2, shared: true);
        await factory.MovedInAsync(room, await factory.RegisterSingleAsync("Sengtalbliver"), Arrivals.Today);
        var leaving = await factory.RegisterSingleAsync("Sengtalgaar");
        await factory.MovedInAsync(room, leaving, Arrivals.Today);
        var stay = await factory.QueryAsync(db => db.Occupancies.Where(o => o.HouseholdId == leaving).Select(o => o.Id).SingleAsync());
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var agreed = await scope.ServiceProvider.GetRequiredService<HousingMoves>().MoveOutAsync(stay, Arrivals.Today.AddDays(30), Domain.Housing.MoveOutDestination.OwnHome);
            Assert.True(agreed.Succeeded, agreed.Error);
        }

        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var filtered = await housing.FilteredAsync(("Search", "Sengtal Delt"), ("MinFreeBeds", "1"));
        var listed = await housing.FilteredAsync(("Search", "Sengtal Delt"));
        var unitPage = await housing.GetPageAsync($"/Housing/Units/{room}");
        var api = await housing.UnitsAsync(("search", "Sengtal Delt"), ("minFreeBeds", "1"));
        var csv = StockExportFile.RawRows(await housing.DownloadAsync(StockExportFile.Url(("Search", "Sengtal Delt 1"))));

        Assert.Empty(StockPage.Units(filtered));
        Assert.Empty(api);
        Assert.Equal("2 (0)", BedsCell(listed, "Sengtal Delt 1"));
        Assert.Equal("2 (ledige: 0)", BedsFact(unitPage));
        Assert.Equal("0", Assert.Single(csv)["free_beds"]);
    }

    [Fact]
    public async Task SharedRoom_OneBedTaken_GivesTheOther()
    {
        var room = await factory.UnitOfItsOwnAsync("Sengtal Delt 2", beds: 3, shared: true);
        await factory.MovedInAsync(room, await factory.RegisterSingleAsync("Sengtalene"), Arrivals.Today);
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var two = await housing.FilteredAsync(("Search", "Sengtal Delt 2"), ("MinFreeBeds", "2"));
        var three = await housing.FilteredAsync(("Search", "Sengtal Delt 2"), ("MinFreeBeds", "3"));

        Assert.Equal(["Sengtal Delt 2"], StockPage.Units(two));
        Assert.Equal("3 (2)", BedsCell(two, "Sengtal Delt 2"));
        Assert.Empty(StockPage.Units(three));
    }

    private static string? BedsCell(string html, string label) =>
        Parser.ParseDocument(html).QuerySelector($"tr[data-unit='{label}']")?.QuerySelectorAll("td")[4].TextContent.Trim();

    private static string BedsFact(string html) =>
        string.Join(' ', Parser.ParseDocument(html).QuerySelectorAll("dl.unit-facts dt").Single(d => d.TextContent == "Senge")
            .NextElementSibling!.TextContent.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
