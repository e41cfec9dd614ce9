using System.Globalization;
using AngleSharp.Html.Parser;
using Indgang.Domain.Housing;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// The unit page's »Ny bolig« judges a unit free only later as of the day it is free, the day the move into it is made
/// and checked on: next year's rent cap for a unit free from January. Before, every unit was judged by today's cap, and a
/// unit within this year's cap but over next year's was offered and then refused by the move (found by the housing
/// coordinator's review).
/// </summary>
public sealed class MoveToUnitChoicesOnTheMoveInDayTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task AUnitFreeFromNextYear_IsJudgedByNextYearsRentCap_AUnitFreeNowByThisYears()
    {
        await factory.QueryAsync(async db =>
        {
            db.RentCaps.RemoveRange(db.RentCaps.Where(c => c.Category == RentCapCategory.SingleAdult && c.Year >= Today.Year));
            db.RentCaps.Add(new RentCap(Today.Year, RentCapCategory.SingleAdult, 3000m));
            db.RentCaps.Add(new RentCap(Today.Year + 1, RentCapCategory.SingleAdult, 2000m));
            return await db.SaveChangesAsync();
        });
        var (unit, _, stay) = await factory.HousedSingleAsync("Nytårsfra 1", "Nytårsflytter", daysAgo: 30);
        // Within this year's cap, over next year's.
        var freeNow = await factory.UnitOfItsOwnAsync("Nytår nu", rent: 2500m);
        var freeInJanuary = await factory.UnitOfItsOwnAsync("Nytår januar", rent: 2500m);
        var january = new DateOnly(Today.Year + 1, 1, 10);
        await factory.QueryAsync(async db =>
        {
            (await db.HousingUnits.SingleAsync(u => u.Id == freeInJanuary)).AvailableFrom = january;
            return await db.SaveChangesAsync();
        });
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var page = Parser.ParseDocument(await housing.GetPageAsync($"/Housing/Units/{unit}"));
        var options = page.QuerySelectorAll($"#MoveToUnitId-{stay} option").Select(o => o.GetAttribute("value")).ToList();

        Assert.Contains(freeNow.ToString(), options);
        Assert.DoesNotContain(freeInJanuary.ToString(), options);
        // As the move on the day it is free refuses it (in Danish, the unit page's first language).
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("da-DK");
        await using var scope = factory.Services.CreateAsyncScope();
        var moved = await scope.ServiceProvider.GetRequiredService<HousingMoves>().MoveToAnotherUnitAsync(stay, freeInJanuary, january);
        Assert.Equal("Huslejen (2.500 kr.) overstiger loftet for husstanden (2.000 kr. om måneden).", moved.Error);
    }
}
