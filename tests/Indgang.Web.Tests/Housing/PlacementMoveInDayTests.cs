using System.Net;
using Indgang.Domain.Housing;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing.Placement;
using Indgang.Web.Features.Reception;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// The optimizer sees a household announced for later as it will be on the day it moves in (its expected arrival), as
/// the move-in does: that year's rent cap, and its members' ages that day. Before, it was held to the planning date's:
/// planning on 3 December for an arrival on 10 January, the optimizer used this year's cap and the move-in next year's,
/// so a suggestion was refused at acceptance; and a boy of 17 who is 18 when he comes was kept out of shared rooms.
/// </summary>
public sealed class PlacementMoveInDayTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task AnnouncedForNextYear_HeldToNextYearsRentCap_ALockOverItIsLeftOutAndSaidWhy_AsTheMoveInRefusesIt()
    {
        await factory.QueryAsync(async db =>
        {
            db.RentCaps.RemoveRange(db.RentCaps.Where(c => c.Category == RentCapCategory.SingleAdult && c.Year >= Today.Year));
            db.RentCaps.Add(new RentCap(Today.Year, RentCapCategory.SingleAdult, 3000m));
            db.RentCaps.Add(new RentCap(Today.Year + 1, RentCapCategory.SingleAdult, 2000m));
            return await db.SaveChangesAsync();
        });
        var arrival = new DateOnly(Today.Year + 1, 1, 10);
        var household = await factory.RegisterAsync(new ArrivalRequest(null, null, arrival,
            [new ArrivalMember("Yusuf", "Nytårsloft", new DateOnly(1990, 1, 1), Gender.Male, ResidenceBasis.QuotaRefugee)]));
        // Within this year's cap, over next year's.
        var unit = await factory.UnitOfItsOwnAsync("Nytårsloft 1", beds: 1, rent: 2500m);
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var run = await housing.RunPlacementAsync(household);

        using var locked = await housing.PostPairAsync(run, "Lock", household, unit);

        var next = PlacementRuns.RunIdOf(locked);
        var ask = await factory.AskAsync(next);
        Assert.Empty(ask.Locks);
        Assert.Equal([new DroppedLock(household, unit, "huslejen er over husstandens loft")], ask.DroppedLocks);
        Assert.NotEqual(unit, await factory.SuggestedUnitAsync(next, household));
        var page = WebUtility.HtmlDecode(await housing.GetPageAsync($"/Housing/Placement/{next}"));
        var name = await factory.QueryAsync(db => db.Households.Where(h => h.Id == household).Select(h => h.Name).SingleAsync());
        Assert.Contains($"Låsen af {name} til Nytårsloft 1, ", page, StringComparison.Ordinal);
        Assert.Contains("er fjernet, fordi boligen ikke længere passer husstanden: huslejen er over husstandens loft.", page, StringComparison.Ordinal);
        // The move-in on the day it comes refuses the unit for the same cap.
        var moveIn = await factory.MoveInAsync(unit, household, arrival);
        Assert.False(moveIn.Succeeded);
        Assert.Equal("Huslejen (2.500 kr.) overstiger loftet for husstanden (2.000 kr. om måneden).", moveIn.Error);
    }

    [Fact]
    public async Task ABoyOf17_AnnouncedForAfterHisEighteenthBirthday_MayBeGivenASharedRoom_AndIsMovedInOnTheDayHeComes()
    {
        var arrival = Today.AddDays(14);
        var household = await factory.RegisterAsync(new ArrivalRequest(null, null, arrival,
            [new ArrivalMember("Ali", "Myndigdag", Today.AddDays(7).AddYears(-18), Gender.Male, ResidenceBasis.QuotaRefugee)]));
        var room = await factory.UnitOfItsOwnAsync("Myndigdag delebolig", beds: 2, rent: 1500m, shared: true);
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var run = await housing.RunPlacementAsync(household);

        using var locked = await housing.PostPairAsync(run, "Lock", household, room);

        var next = PlacementRuns.RunIdOf(locked);
        var ask = await factory.AskAsync(next);
        Assert.Null(ask.DroppedLocks);
        Assert.Equal([new PairChoice(household, room)], ask.Locks);
        Assert.Equal(room, await factory.SuggestedUnitAsync(next, household));
        using (var accepted = await housing.PostFormAsync($"/Housing/Placement/{next}?handler=Accept",
                   new Dictionary<string, string> { ["Accept"] = household.ToString() }, formPage: $"/Housing/Placement/{next}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        var stay = await factory.QueryAsync(db => db.Occupancies.AsNoTracking().SingleAsync(o => o.HouseholdId == household));
        Assert.Equal(room, stay.UnitId);
        Assert.Equal(arrival, stay.MovedInOn);
    }
}
