using System.Globalization;
using System.Text.RegularExpressions;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Reception;
using Indgang.Web.Tests.Infrastructure;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// A unit given to a household that moves in on a later day is »Reserveret fra« that day, on its page, in the stock list,
/// its filter and its CSV file; »Beboet« is a unit someone lives in today (HOUSE-1). Before, a reserved unit was
/// »Beboet« from the day the move-in was agreed.
/// </summary>
public sealed partial class ReservedUnitStatusTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task UnitWithAMoveInAhead_IsReservedFromItsDay_OnItsPage_InTheListsFilter_AndInItsCsv()
    {
        var day = Arrivals.Today.AddDays(12);
        var household = await factory.RegisterAsync(new ArrivalRequest(null, null, day,
            [new ArrivalMember("Snart", "Reservatsen", new DateOnly(1990, 1, 1), Gender.Female, ResidenceBasis.QuotaRefugee)]));
        var reserved = await factory.UnitOfItsOwnAsync("Reserveret bolig");
        await factory.MovedInAsync(reserved, household, day);
        var (lived, _, _) = await factory.HousedSingleAsync("Beboet bolig", "Beboersen", daysAgo: 5);
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var page = await housing.GetPageAsync($"/Housing/Units/{reserved}");
        var livedPage = await housing.GetPageAsync($"/Housing/Units/{lived}");

        var shownDay = day.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        Assert.Equal($"Reserveret fra {shownDay}", Squeezed(StockPage.Text(page, "[data-testid=unit-status]")));
        Assert.Equal("Beboet", Squeezed(StockPage.Text(livedPage, "[data-testid=unit-status]")));
        var reservedList = StockPage.Units(await housing.FilteredAsync(("Status", "Reserved")));
        var occupiedList = StockPage.Units(await housing.FilteredAsync(("Status", "Occupied")));
        Assert.Contains("Reserveret bolig", reservedList);
        Assert.DoesNotContain("Beboet bolig", reservedList);
        Assert.Contains("Beboet bolig", occupiedList);
        Assert.DoesNotContain("Reserveret bolig", occupiedList);
        var rows = StockExportFile.RawRows(await housing.DownloadAsync(StockExportFile.Url())).ToDictionary(r => r["label"]);
        Assert.Equal($"Reserveret fra {shownDay}", rows["Reserveret bolig"]["status"]);
        Assert.Equal("Beboet", rows["Beboet bolig"]["status"]);
    }

    private static string Squeezed(string? text) => Whitespace().Replace(text ?? "", " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
