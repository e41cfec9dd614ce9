using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Indgang.Web.Tests.Housing;

public sealed class MoveTimingTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task MoveIn_WhileTheHouseholdStillLivesInItsOldUnit_IsRefusedUntilItsMoveOutDay()
    {
        var family = await factory.RegisterFamilyAsync("Flyttedag");
        var temporary = await factory.UnitIdAsync("Lejlighed 1");
        var permanent = await factory.UnitIdAsync("Nr. 7, 2. th.");
        var leaves = Arrivals.Today.AddDays(40);
        await using var scope = factory.Services.CreateAsyncScope();
        var moves = scope.ServiceProvider.GetRequiredService<HousingMoves>();
        Assert.True((await moves.MoveInAsync(temporary, family, Arrivals.Today)).Succeeded);
        var stay = await factory.QueryAsync(db => db.Occupancies.Where(o => o.HouseholdId == family).Select(o => o.Id).SingleAsync());
        Assert.True((await moves.MoveOutAsync(stay, leaves)).Succeeded);

        var early = await moves.MoveInAsync(permanent, family, leaves.AddDays(-20));
        var onTheDay = await moves.MoveInAsync(permanent, family, leaves);

        Assert.False(early.Succeeded);
        Assert.StartsWith("Husstanden bor i sin nuværende bolig til ", early.Error, StringComparison.Ordinal);
        Assert.True(onTheDay.Succeeded, onTheDay.Error);
    }
}
