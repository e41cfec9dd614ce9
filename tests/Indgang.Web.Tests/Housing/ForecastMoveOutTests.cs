using Indgang.Domain.Housing;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Indgang.Web.Tests.Housing;

/// <summary>The forecast's expected move-outs from the stays so far (HOUSE-4), on a database of its own.</summary>
public sealed class ForecastMoveOutTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task Build_StaysSoFar_ExpectEndsOnlyWhereTheHistoryTellsAndOnlyForBedsTheForecastCounts()
    {
        var today = Arrivals.Today;
        await ForecastStays.ClearAsync(factory);
        // History: three stays that ended after 100, 200 and 300 days.
        await StayAsync("Lejlighed 1", "Historik1", movedIn: today.AddDays(-700), days: 100);
        await StayAsync("Lejlighed 1", "Historik2", movedIn: today.AddDays(-550), days: 200);
        await StayAsync("Lejlighed 1", "Historik3", movedIn: today.AddDays(-320), days: 300);
        // Going on: one moved in today, one has lived here 350 days (longer than any stay that has ended), and one has
        // lived 50 days in a unit that is blocked (its beds are not in the forecast).
        await StayAsync("Pavillon B", "Idag", movedIn: today);
        await StayAsync("Pavillon A", "Længe", movedIn: today.AddDays(-350));
        await StayAsync("Lejlighed 2", "Spærret", movedIn: today.AddDays(-50));

        await using var scope = factory.Services.CreateAsyncScope();
        var (input, medianStay) = await scope.ServiceProvider.GetRequiredService<ForecastQuery>().BuildAsync();

        // Of the stays that lasted 100 days (100, 200, 300 and the 350 going on), one ended on day 100 (S = 3/4) and one
        // of the three left on day 200 (S = 1/2): the typical stay is 200 days, and that is what today's newcomer is
        // expected to stay. Under the old rule (the median of ended stays, and "overdue" stays leaving at once) the
        // 350-day stay left today and the blocked unit's stay in 150 days, freeing beds the forecast never counted.
        Assert.Equal(200, medianStay);
        var moveOut = Assert.Single(input.MoveOuts);
        Assert.Equal(today.AddDays(200), moveOut.On);
        // Pavillon B is a whole unit: the single person leaving frees all its three beds.
        Assert.Equal(3, moveOut.Beds);
    }

    private async Task StayAsync(string unitLabel, string lastName, DateOnly movedIn, int? days = null) =>
        await ForecastStays.AddAsync(factory, unitLabel, await factory.RegisterSingleAsync(lastName), movedIn, days);
}

/// <summary>A move between temporary units is not a move out of temporary housing (its own database).</summary>
public sealed class ForecastTransferTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task Build_HouseholdMovedBetweenTemporaryUnits_CountsAsOneStay()
    {
        var today = Arrivals.Today;
        await ForecastStays.ClearAsync(factory);
        // One household left temporary housing after 100 days. Another lived 40 days in one unit, then moved to
        // another 10 days ago: 50 days so far, still here.
        await ForecastStays.AddAsync(factory, "Lejlighed 1", await factory.RegisterSingleAsync("Videre"), today.AddDays(-300), days: 100);
        var moved = await factory.RegisterSingleAsync("Flyttet");
        await ForecastStays.AddAsync(factory, "Lejlighed 1", moved, today.AddDays(-50), days: 40);
        await ForecastStays.AddAsync(factory, "Pavillon A", moved, today.AddDays(-10));

        await using var scope = factory.Services.CreateAsyncScope();
        var (input, medianStay) = await scope.ServiceProvider.GetRequiredService<ForecastQuery>().BuildAsync();

        // The typical stay is 100 days, so the moved household has 50 left: out in 50 days. Counting the move as a move
        // out made the typical stay 40 days and expected it out in 30.
        Assert.Equal(100, medianStay);
        var moveOut = Assert.Single(input.MoveOuts);
        Assert.Equal(today.AddDays(50), moveOut.On);
    }
}

/// <summary>Stays arranged straight in the database: history the forecast learns from.</summary>
internal static class ForecastStays
{
    /// <summary>
    /// No stays at all: the demo's resident couple (living in a temporary unit for months) is taken out of the picture,
    /// so that the history the forecast learns from is the test's alone.
    /// </summary>
    public static async Task ClearAsync(IndgangAppFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Indgang.Web.Data.IndgangDbContext>();
        // The tasks of the former residents' moves belong to their stays.
        await db.Tasks.Where(t => t.OccupancyId != null).ExecuteDeleteAsync();
        foreach (var stay in await db.Occupancies.ToListAsync())
        {
            if (stay.IsCurrent)
            {
                (await db.HousingUnits.SingleAsync(u => u.Id == stay.UnitId)).MoveOut(stay.Beds, stay.MovedInOn);
            }

            db.Occupancies.Remove(stay);
        }

        await db.SaveChangesAsync();
        Assert.False(await db.Occupancies.AnyAsync());
    }

    /// <summary>The forecast as the page computes it now: its input, its months, and the typical stay it learnt.</summary>
    public static async Task<(ForecastInput Input, IReadOnlyList<ForecastMonth> Months, int? TypicalStay)> ComputeAsync(IndgangAppFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var (input, typical) = await scope.ServiceProvider.GetRequiredService<ForecastQuery>().BuildAsync();
        return (input, CapacityForecast.Compute(input).Months, typical);
    }

    /// <summary>A single adult's stay in a demo unit: going on (counted in the unit) or ended after the days.</summary>
    public static async Task AddAsync(IndgangAppFactory factory, string unitLabel, Guid household, DateOnly movedIn, int? days = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Indgang.Web.Data.IndgangDbContext>();
        var unit = await db.HousingUnits.SingleAsync(u => u.Label == unitLabel);
        var stay = new Occupancy(unit.Id, household, beds: 1, movedIn, isTemporary: true);
        if (days is { } length)
        {
            stay.MoveOut(movedIn.AddDays(length));
        }
        else
        {
            unit.MoveIn(1);
        }

        db.Occupancies.Add(stay);
        await db.SaveChangesAsync();
    }
}

/// <summary>Beds that open later, and households placed ahead of their arrival (their own database).</summary>
public sealed class ForecastOpeningTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task Build_UnitOpeningLater_CountsItsBedsFromItsDayNotNow()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var query = scope.ServiceProvider.GetRequiredService<ForecastQuery>();
        var (before, _) = await query.BuildAsync();
        var opens = Arrivals.Today.AddDays(45);
        await using (var arrange = factory.Services.CreateAsyncScope())
        {
            var db = arrange.ServiceProvider.GetRequiredService<Indgang.Web.Data.IndgangDbContext>();
            var site = await db.SomeSiteIdAsync();
            db.HousingUnits.Add(new HousingUnit(site, "Ny pavillon 1", rooms: 3, beds: 6, monthlyRent: 2400) { AvailableFrom = opens });
            await db.SaveChangesAsync();
        }

        var (after, _) = await query.BuildAsync();

        Assert.Equal(before.UsableBeds, after.UsableBeds);
        // The demo's Pavillon C, free in a month and empty, was an opening before already.
        var opening = Assert.Single((after.Openings ?? []).Except(before.Openings ?? []));
        Assert.Equal((6, opens), (opening.Beds, opening.On));
        var month = new DateOnly(opens.Year, opens.Month, 1);
        Assert.Equal(6, CapacityForecast.Compute(after).Months.Single(m => m.Month == month).NewBeds - CapacityForecast.Compute(before).Months.Single(m => m.Month == month).NewBeds);
    }

    [Fact]
    public async Task Build_HouseholdPlacedAheadOfItsArrival_CountsOnceAgainstTheQuota()
    {
        var tomorrow = Arrivals.Today.AddDays(1);
        await using var scope = factory.Services.CreateAsyncScope();
        var query = scope.ServiceProvider.GetRequiredService<ForecastQuery>();
        var household = await factory.RegisterAsync(new Indgang.Web.Features.Reception.ArrivalRequest(null, null, tomorrow,
            [new Indgang.Web.Features.Reception.ArrivalMember("Snart", "Ankommer", new DateOnly(1990, 1, 1), Indgang.Domain.People.Gender.Female, Indgang.Domain.Reception.ResidenceBasis.QuotaRefugee)]));
        var (registered, _) = await query.BuildAsync();

        // Placed today for its arrival tomorrow: its beds are taken by its move-in tomorrow, so it is no longer an
        // arrival to come; it is one of the year's quota received. Before, it was not "arrived" (tomorrow is not yet), so its person went back
        // into the quota's rest: counted twice, once as a taken bed and once as a quota arrival.
        await factory.MovedInAsync(await factory.UnitIdAsync("Pavillon B"), household, tomorrow);
        var (placed, _) = await query.BuildAsync();

        Assert.Equal(registered.RegisteredArrivals.Sum(a => a.Persons) - 1, placed.RegisteredArrivals.Sum(a => a.Persons));
        // A whole unit: one person takes all of Pavillon B's three beds, on the day it moves in, not now.
        Assert.Equal(registered.OccupiedBeds, placed.OccupiedBeds);
        Assert.Contains(new ExpectedMoveIn(3, tomorrow), placed.MoveIns ?? []);
        var thisYear = tomorrow.Year == Arrivals.Today.Year ? 1 : 0;
        Assert.Equal(registered.PersonsAlreadyArrivedThisYear + thisYear, placed.PersonsAlreadyArrivedThisYear);
    }
}
