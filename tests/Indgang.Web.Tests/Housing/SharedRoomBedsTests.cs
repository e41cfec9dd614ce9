using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Indgang.Web.Tests.Housing;

/// <summary>A shared room's beds are counted by day: a resident moving out later keeps one bed until then, no more (HOUSE-2).</summary>
public sealed class SharedRoomBedsTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task ResidentLeavingLater_KeepsOnlyTheirOwnBedUntilThen()
    {
        // Værelse 1 has two beds. The first resident has an agreed move out in 60 days.
        var room = await factory.UnitIdAsync("Værelse 1");
        var today = Arrivals.Today;
        var leaving = await factory.RegisterSingleAsync("Fraflytter");
        await factory.MovedInAsync(room, leaving, today);
        var stay = await factory.QueryAsync(db => db.Occupancies.SingleAsync(o => o.HouseholdId == leaving));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<HousingMoves>().MoveOutAsync(stay.Id, today.AddDays(60), Domain.Housing.MoveOutDestination.OwnHome)).Succeeded);
        }

        // The placement offers the other bed now (before, the move out held the whole room back for 60 days).
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var request = await scope.ServiceProvider.GetRequiredService<Indgang.Web.Features.Housing.Placement.PlacementRunner>()
                .BuildAsync(new(Households: [], today, Locks: [], Exclusions: [], PreviousRunId: null), CancellationToken.None);
            var offered = Assert.Single(request.Units, u => u.Id == room.ToString());
            Assert.Equal(1, offered.Beds);
            Assert.True(offered.AvailableFrom <= today);
        }

        // And a move-in takes it.
        var second = await factory.MoveInAsync(room, await factory.RegisterSingleAsync("Anden"), today);
        // The leaving resident's bed is not free before they have gone.
        var third = await factory.RegisterSingleAsync("Tredje");
        var tooEarly = await factory.MoveInAsync(room, third, today.AddDays(30));
        var onTheDay = await factory.MoveInAsync(room, third, today.AddDays(60));

        Assert.True(second.Succeeded, second.Error);
        Assert.False(tooEarly.Succeeded);
        Assert.Equal($"Der er ingen ledig seng i deleboligen fra {DanishDates.Written(today.AddDays(30))}.", tooEarly.Error);
        Assert.True(onTheDay.Succeeded, onTheDay.Error);
    }
}
