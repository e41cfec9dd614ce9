using Indgang.Domain.Housing;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// A whole unit is one household's, however many beds it leaves empty: the forecast counts all its beds taken while a
/// household lives there, and free together when it leaves; the next household's move-in takes them on its day. A shared room's
/// beds are taken one person at a time. Counted by persons, a family of three in a five-bed flat left two beds "free"
/// that no one could be given, and the forecast hid the shortfall it is for.
/// </summary>
public sealed class ForecastWholeUnitTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task Build_AFamilyInAWholeUnit_TakesAllItsBeds_ASingleInASharedRoom_OneBed()
    {
        var flat = await factory.UnitOfItsOwnAsync("Hel femmer", beds: 5);
        var room = await factory.UnitOfItsOwnAsync("Delt firer", beds: 4, shared: true);
        var family = await factory.RegisterFamilyAsync("Helbolig");
        var single = await factory.RegisterSingleAsync("Delebolig");
        var before = await BuildAsync();

        Assert.True((await factory.MoveInAsync(flat, family, Arrivals.Today)).Succeeded);
        var familyIn = await BuildAsync();
        Assert.True((await factory.MoveInAsync(room, single, Arrivals.Today)).Succeeded);
        var singleIn = await BuildAsync();

        Assert.Equal(before.OccupiedBeds + 5, familyIn.OccupiedBeds);
        Assert.Equal(familyIn.OccupiedBeds + 1, singleIn.OccupiedBeds);
    }

    [Fact]
    public async Task Build_AWholeUnitsHouseholdLeaving_FreesAllItsBeds_TheNextTakesThemOnItsDay()
    {
        var flat = await factory.UnitOfItsOwnAsync("Hel femmer med efterfølger", beds: 5);
        var leaving = await factory.RegisterFamilyAsync("Fraflytter");
        var next = await factory.RegisterFamilyAsync("Efterfølger");
        var leaves = Arrivals.Today.AddDays(33);
        Assert.True((await factory.MoveInAsync(flat, leaving, Arrivals.Today)).Succeeded);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var stay = await factory.QueryAsync(db => db.Occupancies.Where(o => o.HouseholdId == leaving).Select(o => o.Id).SingleAsync());
            Assert.True((await scope.ServiceProvider.GetRequiredService<HousingMoves>().MoveOutAsync(stay, leaves, MoveOutDestination.OwnHome)).Succeeded);
        }

        var alone = await BuildAsync();
        Assert.True((await factory.MoveInAsync(flat, next, leaves)).Succeeded);
        var followed = await BuildAsync();

        Assert.Equal(5, alone.MoveOuts.Where(m => m.On == leaves).Sum(m => m.Beds));
        Assert.Equal(5, followed.MoveOuts.Where(m => m.On == leaves).Sum(m => m.Beds));
        Assert.Contains(new ExpectedMoveIn(5, leaves), followed.MoveIns ?? []);
        // Taken now either way: the flat is the leaving household's until its day, then the next one's from that day.
        Assert.Equal(alone.OccupiedBeds, followed.OccupiedBeds);
    }

    private async Task<ForecastInput> BuildAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ForecastQuery>().BuildAsync()).Input;
    }
}
