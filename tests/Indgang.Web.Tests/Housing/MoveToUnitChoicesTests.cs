using AngleSharp.Html.Parser;
using Indgang.Domain.Housing;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// The unit page's »Ny bolig« list offers the units the move to another of our units accepts, by the placement's own
/// rules (as the placement page's override): it offered a temporary unit over the household's rent cap, and the move
/// then refused it on submit; a list with nothing to choose said nothing of why.
/// </summary>
public sealed class MoveToUnitChoicesTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task NewUnitList_DoesNotOfferATemporaryUnitOverTheRentCap_ButAPermanentOneAndOneWithin()
    {
        var (unit, _, stay) = await factory.HousedSingleAsync("Loftfra 1", "Loftflytter", daysAgo: 30);
        var cap = await factory.QueryAsync(async db => RentCaps.For(await db.RentCaps.AsNoTracking().ToListAsync(), Today.Year, RentCapCategory.SingleAdult)!.Value);
        var overCap = await factory.UnitOfItsOwnAsync("Loftnyt over", rent: cap + 500m);
        var permanentOverCap = await factory.UnitOfItsOwnAsync("Loftnyt permanent over", isPermanent: true, rent: cap + 500m);
        var withinCap = await factory.UnitOfItsOwnAsync("Loftnyt under", rent: cap - 100m);
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var page = Parser.ParseDocument(await housing.GetPageAsync($"/Housing/Units/{unit}"));
        var options = page.QuerySelectorAll($"#MoveToUnitId-{stay} option").Select(o => o.GetAttribute("value")).ToList();

        Assert.DoesNotContain(overCap.ToString(), options);
        // The rent cap order covers temporary housing only.
        Assert.Contains(permanentOverCap.ToString(), options);
        Assert.Contains(withinCap.ToString(), options);
    }

    [Fact]
    public async Task NewUnitList_WithNoUnitTheHouseholdMayMoveTo_SaysWhy_InsteadOfAList()
    {
        // Twelve people in a temporary unit of twelve beds: no other unit has the beds.
        var household = await factory.RegisterTwelveAsync("Tolvflytter");
        var unit = await factory.UnitOfItsOwnAsync("Tolvfra", beds: 12);
        await factory.MovedInAsync(unit, household, Today.AddDays(-10));
        var stay = await factory.StayOfAsync(household);
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var page = Parser.ParseDocument(await housing.GetPageAsync($"/Housing/Units/{unit}"));

        Assert.Null(page.QuerySelector($"select#MoveToUnitId-{stay}"));
        var why = page.QuerySelector($"#MoveToUnitId-{stay}")?.TextContent.Trim();
        Assert.NotNull(why);
        Assert.StartsWith("Ingen ledig bolig passer husstanden: for få senge (", why, StringComparison.Ordinal);
    }
}
