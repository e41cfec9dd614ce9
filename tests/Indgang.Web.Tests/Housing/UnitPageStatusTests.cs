using AngleSharp.Html.Parser;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// A unit's own page says its status today as the stock list does: blocked with its reason, in a vulnerable area (never
/// used), free. Before, the page showed only its beds, and a blocked unit's reason came out only when a move-in was
/// refused (found by review).
/// </summary>
public sealed class UnitPageStatusTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();

    [Theory]
    [InlineData("Lejlighed 2", "Spærret Vandskade – under udbedring")]
    [InlineData("Nr. 9, st. tv.", "Udsat område – må ikke bruges")]
    [InlineData("Pavillon A", "Ledig")]
    public async Task UnitPage_ShowsItsStatusToday_AsTheStockListDoes(string label, string status)
    {
        var unit = await factory.UnitIdAsync(label);
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var page = Parser.ParseDocument(await housing.GetPageAsync($"/Housing/Units/{unit}"));
        var list = Parser.ParseDocument(await housing.GetPageAsync($"/Housing?Filter.Search={Uri.EscapeDataString(label)}"));

        var shown = string.Join(' ', page.QuerySelector("[data-testid=unit-status]")!.TextContent.Split(default(char[]), StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(status, shown);
        Assert.Contains(status, string.Join(' ', list.Body!.TextContent.Split(default(char[]), StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }
}
