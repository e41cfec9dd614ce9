using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Api;
using Indgang.Web.Tests.Infrastructure;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// GET /api/v1/housing/forecast (PLAT-7, HOUSE-4) says what the forecast page (/Housing/Forecast) shows, month by month,
/// for the demo as seeded and after a quota that leaves too few beds. The quota is changed here, so in its own database.
/// </summary>
public sealed partial class HousingForecastApiTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    [Fact]
    public async Task Forecast_Demo_AgreesWithThePage_AlsoAfterAQuotaThatLeavesTooFewBeds()
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        await AssertAgreesWithThePageAsync(housing);
        var seeded = await housing.ForecastAsync();
        // The demo has former residents, so the typical stay is known (300 days, see DemoFormerResidentTests).
        Assert.Equal(300, seeded.TypicalStayDays);

        var (saved, _) = await housing.SetQuotaAsync(Arrivals.Today.Year + 1, 600);
        Assert.Equal(HttpStatusCode.Redirect, saved);

        var tooFew = await AssertAgreesWithThePageAsync(housing);
        Assert.NotNull(tooFew.FirstShortfallMonth);
        Assert.NotEqual(seeded.Months.Select(m => m.FreeBedsAtEnd), tooFew.Months.Select(m => m.FreeBedsAtEnd));
    }

    private static async Task<CapacityForecastDto> AssertAgreesWithThePageAsync(Browser housing)
    {
        var forecast = await housing.ForecastAsync();
        var page = await Parser.ParseDocumentAsync(await housing.GetPageAsync("/Housing/Forecast"));

        var rows = page.QuerySelectorAll("table.forecast-table tbody tr").Select(r => new
        {
            Month = r.QuerySelector("th")!.TextContent.Trim(),
            Cells = r.QuerySelectorAll("td").Select(c => Squeezed(c.TextContent)).ToList(),
        }).ToList();
        Assert.Equal(12, forecast.Months.Count);
        Assert.Equal(rows.Select(r => r.Month), forecast.Months.Select(m => m.Month.ToString("MMMM yyyy", Danish)));
        Assert.Equal(new DateOnly(Arrivals.Today.Year, Arrivals.Today.Month, 1), forecast.Months[0].Month);
        foreach (var (row, month) in rows.Zip(forecast.Months))
        {
            Assert.Equal($"{month.Arrivals} ({month.RegisteredArrivals} reg. + {month.QuotaArrivals} kvote)", row.Cells[0]);
            Assert.Equal(month.RegisteredArrivals + month.QuotaArrivals, month.Arrivals);
            Assert.Equal(Number(month.MoveOuts), row.Cells[1]);
            Assert.Equal(Number(month.MoveIns), row.Cells[2]);
            Assert.Equal(Number(month.NewBeds), row.Cells[3]);
            Assert.Equal(Number(month.FreeBedsAtEnd) + (month.IsShortfall ? " (mangel)" : ""), row.Cells[4]);
            Assert.Equal(month.FreeBedsAtEnd < 0, month.IsShortfall);
        }

        // The page's sums add up: the beds free now, then each month's move-outs and new beds in, arrivals and move-ins out.
        var free = forecast.UsableBeds - forecast.OccupiedBeds;
        foreach (var month in forecast.Months)
        {
            free += month.MoveOuts + month.NewBeds - month.Arrivals - month.MoveIns;
            Assert.Equal(free, month.FreeBedsAtEnd);
        }

        var heading = page.QuerySelector("#first-shortfall .alert-heading")?.TextContent.Trim();
        Assert.Equal(heading, forecast.FirstShortfallMonth is { } first ? $"Første måned med for få senge: {first.ToString("MMMM yyyy", Danish)}" : null);
        Assert.Equal(forecast.Months.FirstOrDefault(m => m.IsShortfall)?.Month, forecast.FirstShortfallMonth);
        var text = Squeezed(page.Body!.TextContent);
        Assert.Contains($"Brugbare senge i midlertidige boliger: {forecast.UsableBeds} · optaget nu: {forecast.OccupiedBeds} ·", text, StringComparison.Ordinal);
        Assert.Contains(forecast.TypicalStayDays is { } days ? $"typisk opholdstid: {days} dage" : "typisk opholdstid: endnu ukendt", text, StringComparison.Ordinal);
        return forecast;
    }

    private static string Number(int value) => value.ToString(Danish);

    private static string Squeezed(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
