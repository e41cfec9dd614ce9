using Indgang.Domain.Housing;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// The capacity forecast's »optaget nu« counts the beds of stays lived in today (HOUSE-4). A household with a move agreed
/// from one of our temporary units to another was counted in both now: its unit and the one it is to move into. Its move
/// is an event of the month it happens: the old unit's beds come free, and the new one's are taken, then.
/// </summary>
public sealed class ForecastAgreedMoveTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task MoveAgreedToAnotherUnit_CountsOnlyTheUnitLivedInNow_TheMoveInItsMonth()
    {
        var (_, _, stay) = await factory.HousedSingleAsync("Prognose fra", "Flytteprognose", daysAgo: 30);
        var to = await factory.UnitOfItsOwnAsync("Prognose til", beds: 3);
        var day = new DateOnly(Arrivals.Today.Year, Arrivals.Today.Month, 1).AddMonths(2).AddDays(9);
        var (before, _, _) = await ForecastStays.ComputeAsync(factory);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var moved = await scope.ServiceProvider.GetRequiredService<HousingMoves>().MoveToAnotherUnitAsync(stay, to, day);
            Assert.True(moved.Succeeded, moved.Error);
        }

        var (agreed, months, _) = await ForecastStays.ComputeAsync(factory);

        // Taken now: the unit the household lives in, not also the one it moves into.
        Assert.Equal(before.OccupiedBeds, agreed.OccupiedBeds);
        // In the month of the move, the old unit's two beds come free and the new unit's three are taken.
        Assert.Contains(new ExpectedMoveOut(2, day), agreed.MoveOuts);
        Assert.Equal([new ExpectedMoveIn(3, day)], agreed.MoveIns!);
        Assert.Equal(3, months[2].MoveIns);
        Assert.All(months.Where(m => m != months[2]), m => Assert.Equal(0, m.MoveIns));
    }
}
