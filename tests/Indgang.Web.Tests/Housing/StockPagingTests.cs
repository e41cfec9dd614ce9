using System.Globalization;
using AngleSharp.Html.Parser;
using Indgang.Domain.Housing;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// The stock list (HOUSE-1) a page of <see cref="IndexModel.PageSize"/> units at a time: a municipality's stock can
/// run to a thousand units. The pages keep the filter, the count says which units are shown of how many, the CSV file
/// holds every unit the filter lets through, and the free beds are the whole stock's on every page.
/// </summary>
public sealed class StockPagingTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task SixtyUnitsFiltered_TwoPagesThatKeepTheFilter_AndTheFileHoldsAllSixty()
    {
        var labels = await AddUnitsAsync("Sideboliga", 60);
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var stock = await factory.QueryAsync(db => db.HousingUnits.CountAsync());

        var first = await housing.FilteredAsync(("Search", "Sideboliga"));
        var second = await housing.GetPageAsync(NextAddress(first));

        Assert.Equal(labels.Take(50), StockPage.Units(first));
        Assert.Equal(labels.Skip(50), StockPage.Units(second));
        Assert.Equal($"Viser 1–50 af de 60 boliger, der passer til filteret ({stock} i alt).", StockPage.Text(first, ".unit-count"));
        Assert.Equal($"Viser 51–60 af de 60 boliger, der passer til filteret ({stock} i alt).", StockPage.Text(second, ".unit-count"));
        // The second page is reached with the search kept, and the search field shows it.
        Assert.Equal("Sideboliga", StockPage.Value(second, "#Filter_Search"));
        Assert.Null(Parser.ParseDocument(second).QuerySelector("nav.pagination a[rel=next]"));

        // The file is every unit the filter lets through, on whichever page it is asked for.
        Assert.Equal("Hent alle 60 som CSV", StockPage.Text(second, "a.stock-csv"));
        var csvAddress = Parser.ParseDocument(second).QuerySelector("a.stock-csv")!.GetAttribute("href")!;
        var file = StockExportFile.AsUploaded(await housing.DownloadAsync(csvAddress));
        Assert.Equal(60, labels.Count(label => file.Contains(label, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("9", 2)]
    [InlineData("99999999999999999999", 2)]
    [InlineData("0", 1)]
    [InlineData("abc", 1)]
    public async Task APageThatDoesNotExist_ShowsTheNearestThatDoes(string asked, int shown)
    {
        var labels = await AddUnitsAsync($"Sidebolig{asked}x", 55);
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var html = await housing.GetPageAsync($"/Housing?Filter.Search=Sidebolig{asked}x&Side={Uri.EscapeDataString(asked)}");

        Assert.Equal(shown == 1 ? labels.Take(50) : labels.Skip(50), StockPage.Units(html));
        Assert.Equal(shown.ToString(CultureInfo.InvariantCulture),
            Parser.ParseDocument(html).QuerySelector("nav.pagination a[aria-current=page]")?.TextContent.Trim());
    }

    [Fact]
    public async Task TheWholeStock_PagedWithTheFreeBedsOfAllOfIt()
    {
        await AddUnitsAsync("Sidefyld", 50);
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var (stock, free, total) = await factory.QueryAsync(async db =>
        {
            var units = await db.HousingUnits.AsNoTracking().ToListAsync();
            var (freeBeds, totalBeds) = HousingUnit.UsableBeds(units, DateOnly.FromDateTime(DateTime.Now));
            return (units.Count, freeBeds, totalBeds);
        });

        var first = await housing.GetPageAsync("/Housing");
        var last = await housing.GetPageAsync($"/Housing?Side={(stock + 49) / 50}");

        Assert.Equal(50, StockPage.Units(first).Count);
        Assert.Equal($"Viser 1–50 af {stock} boliger.", StockPage.Text(first, ".unit-count"));
        Assert.Equal(stock - ((stock - 1) / 50 * 50), StockPage.Units(last).Count);
        Assert.Equal("Sider", Parser.ParseDocument(first).QuerySelector("nav.pagination")?.GetAttribute("aria-label"));
        var bedsLine = $"Ledige senge: {free} af {total} i brugbare boliger.";
        Assert.Contains(bedsLine, Parser.ParseDocument(first).Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(bedsLine, Parser.ParseDocument(last).Body!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>Units labelled "{prefix} 01", "{prefix} 02", … on one demo site: their labels in the list's order.</summary>
    private Task<List<string>> AddUnitsAsync(string prefix, int count) =>
        factory.QueryAsync(async db =>
        {
            var site = await db.SomeSiteIdAsync();
            var labels = Enumerable.Range(1, count).Select(n => $"{prefix} {n:00}").ToList();
            db.HousingUnits.AddRange(labels.Select(label => new HousingUnit(site, label, rooms: 1, beds: 2, monthlyRent: 2000m)));
            await db.SaveChangesAsync();
            return labels;
        });

    private static string NextAddress(string html) =>
        Parser.ParseDocument(html).QuerySelector("nav.pagination a[rel=next]")!.GetAttribute("href")!.Replace("&amp;", "&", StringComparison.Ordinal);
}
