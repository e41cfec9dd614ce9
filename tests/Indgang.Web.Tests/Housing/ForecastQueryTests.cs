using Indgang.Domain.Housing;
using Indgang.Domain.People;
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
        // Pavillon A is a whole unit: all its beds come free with the household, not only the four it slept in.
        var unitBeds = await factory.QueryAsync(db => db.HousingUnits.Where(u => u.Id == unit).Select(u => u.Beds).SingleAsync());
        Assert.True(unitBeds > occupancy.Beds);
        Assert.Equal(unitBeds, expected.Beds);
        var months = CapacityForecast.Compute(leaving).Months;
        var before = CapacityForecast.Compute(housed).Months;
        var moveMonth = new DateOnly(moveOut.Year, moveOut.Month, 1);
        Assert.All(months.Where(m => m.Month < moveMonth), m => Assert.Equal(before.Single(b => b.Month == m.Month).FreeBedsAtEnd, m.FreeBedsAtEnd));
        Assert.Equal(before.Single(b => b.Month == moveMonth).FreeBedsAtEnd + unitBeds, months.Single(m => m.Month == moveMonth).FreeBedsAtEnd);
    }

    /// <summary>
    /// A household that moves straight to a permanent home it was offered, never living in one of our units, needs no
    /// bed: it is no longer a registered arrival, and its refugees count as received against the year's quota.
    /// </summary>
    [Fact]
    public async Task Build_MovedStraightToAnOfferedHome_NeedsNoBed_AndIsReceivedAgainstTheQuota()
    {
        var household = await factory.RegisterSingleAsync("Direktetilbud", Gender.Female, "Amal");
        await using var scope = factory.Services.CreateAsyncScope();
        var query = scope.ServiceProvider.GetRequiredService<ForecastQuery>();
        var (waiting, _) = await query.BuildAsync();

        await factory.QueryAsync(async db =>
        {
            var offer = db.HousingOffers.Add(new HousingOffer(household, "Skovvej 3, st. tv.", Arrivals.Today.AddDays(-2))).Entity;
            offer.Accept(Arrivals.Today);
            return await db.SaveChangesAsync();
        });
        var (movedOn, _) = await query.BuildAsync();

        Assert.Equal(waiting.RegisteredArrivals.Sum(a => a.Persons) - 1, movedOn.RegisteredArrivals.Sum(a => a.Persons));
        Assert.Equal(waiting.PersonsAlreadyArrivedThisYear + 1, movedOn.PersonsAlreadyArrivedThisYear);
    }

    /// <summary>A household that moved out to another of our units waits for a home again, so it needs a bed again.</summary>
    [Fact]
    public async Task Build_MovedOutToAnotherOfOurUnits_NeedsABedAgain()
    {
        var (_, _, stay) = await factory.HousedSingleAsync("Prognose flytter", "Prognoseflytter", daysAgo: 20);
        await using var scope = factory.Services.CreateAsyncScope();
        var query = scope.ServiceProvider.GetRequiredService<ForecastQuery>();
        var (housed, _) = await query.BuildAsync();

        Assert.True((await scope.ServiceProvider.GetRequiredService<HousingMoves>().MoveOutAsync(stay, Arrivals.Today, MoveOutDestination.OtherMunicipalUnit)).Succeeded);
        var (waitsAgain, _) = await query.BuildAsync();

        Assert.Equal(housed.RegisteredArrivals.Sum(a => a.Persons) + 1, waitsAgain.RegisteredArrivals.Sum(a => a.Persons));
        Assert.Equal(housed.PersonsAlreadyArrivedThisYear - 1, waitsAgain.PersonsAlreadyArrivedThisYear);
    }
}
