using Indgang.Domain.Housing;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Indgang.Web.Tests.Housing;

public sealed class ForecastQueryTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task Build_AcceptedMoveOutLater_KeepsTheBedsTakenUntilItsMonth()
    {
        var unit = await factory.UnitIdAsync("Pavillon A");
        var haddad = await factory.QueryAsync(db => db.Households.Where(h => h.Name == "Familien Haddad").Select(h => h.Id).SingleAsync());
        var moveOut = Arrivals.Today.AddMonths(2);
        await using var scope = factory.Services.CreateAsyncScope();
        var moves = scope.ServiceProvider.GetRequiredService<HousingMoves>();
        var query = scope.ServiceProvider.GetRequiredService<ForecastQuery>();
        Assert.True((await moves.MoveInAsync(unit, haddad, Arrivals.Today)).Succeeded);
        var (housed, _) = await query.BuildAsync();

        // The household accepts a permanent home two months from now (the pipeline moves it out on that day).
        var occupancy = await factory.QueryAsync(db => db.Occupancies.SingleAsync(o => o.HouseholdId == haddad && o.MovedOutOn == null));
        Assert.True((await moves.MoveOutAsync(occupancy.Id, moveOut, MoveOutDestination.OwnHome)).Succeeded);
        var (leaving, _) = await query.BuildAsync();

        // Still taken now, free from the month of the move: the forecast's months must not show the beds free before.
        // And a household on its way to a permanent home is not waiting for a temporary bed.
        Assert.Equal(housed.OccupiedBeds, leaving.OccupiedBeds);
        Assert.Equal(housed.RegisteredArrivals.Sum(a => a.Persons), leaving.RegisteredArrivals.Sum(a => a.Persons));
        var expected = Assert.Single(leaving.MoveOuts, m => m.On == moveOut);
        Assert.Equal(occupancy.Beds, expected.Beds);
        var months = CapacityForecast.Compute(leaving).Months;
        var before = CapacityForecast.Compute(housed).Months;
        var moveMonth = new DateOnly(moveOut.Year, moveOut.Month, 1);
        Assert.All(months.Where(m => m.Month < moveMonth), m => Assert.Equal(before.Single(b => b.Month == m.Month).FreeBedsAtEnd, m.FreeBedsAtEnd));
        Assert.Equal(before.Single(b => b.Month == moveMonth).FreeBedsAtEnd + occupancy.Beds, months.Single(m => m.Month == moveMonth).FreeBedsAtEnd);
    }
}
