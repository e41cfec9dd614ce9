using Indgang.Domain.Housing;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Data;
using Indgang.Web.Features.Housing;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Indgang.Web.Tests.Housing;

/// <summary>A household has one home at a time, also when two people move it at the same moment (HOUSE-2).</summary>
public sealed class OneHomeTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task SimultaneousMoveInsOfOneHouseholdIntoTwoUnits_OnlyOneSucceeds()
    {
        var household = await factory.RegisterSingleAsync("Tohjem");
        var units = new[] { await factory.UnitIdAsync("Pavillon B"), await factory.UnitIdAsync("Værelse 1") };

        var results = await Task.WhenAll(units.Select(async unit =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<HousingMoves>().MoveInAsync(unit, household, Arrivals.Today);
        }));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.False(string.IsNullOrWhiteSpace(r.Error)));
        Assert.Equal(1, await factory.QueryAsync(db => db.Occupancies.CountAsync(o => o.HouseholdId == household && o.MovedOutOn == null)));
        Assert.Equal(1, await factory.QueryAsync(db => db.HousingUnits.Where(u => units.Contains(u.Id)).SumAsync(u => u.OccupyingHouseholds)));
    }

    [Fact]
    public async Task SecondOpenStayOfAHousehold_IsRefusedByTheDatabase()
    {
        var household = await factory.RegisterSingleAsync("Indeks");
        await factory.MovedInAsync(await factory.UnitIdAsync("Pavillon C"), household, Arrivals.Today.AddDays(30));
        var other = await factory.UnitIdAsync("Lejlighed 1");
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IndgangDbContext>();

        // Written past the moves' own check, as a second request would that read before the first one saved.
        db.Occupancies.Add(new Occupancy(other, household, beds: 1, Arrivals.Today.AddDays(40), isTemporary: true));
        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.True(UniqueViolation.Is(refused), refused.InnerException?.Message);
    }
}

/// <summary>A planned move-in comes on or after the household's announced arrival (its day 0 depends on it).</summary>
public sealed class MoveInArrivalTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task PlannedMoveInBeforeTheAnnouncedArrival_IsRefused_OnTheDayItIsNot()
    {
        var arrives = Arrivals.Today.AddDays(20);
        var household = await factory.RegisterAsync(new Indgang.Web.Features.Reception.ArrivalRequest(null, null, arrives,
            [new Indgang.Web.Features.Reception.ArrivalMember("Senere", "Ankomst", new DateOnly(1991, 2, 3), Indgang.Domain.People.Gender.Male, Indgang.Domain.Reception.ResidenceBasis.QuotaRefugee)]));
        var unit = await factory.UnitIdAsync("Pavillon B");

        var early = await factory.MoveInAsync(unit, household, arrives.AddDays(-10));
        var onTheDay = await factory.MoveInAsync(unit, household, arrives);

        Assert.False(early.Succeeded);
        Assert.StartsWith("Husstanden ventes først", early.Error, StringComparison.Ordinal);
        Assert.True(onTheDay.Succeeded, onTheDay.Error);
        // Planned, not happened: the move-in day is the expected arrival, and no arrival is recorded ahead of the day.
        var recorded = await factory.QueryAsync(db => db.Households.Where(h => h.Id == household).Select(h => new { h.ExpectedArrival, h.ArrivedOn }).SingleAsync());
        Assert.Equal(arrives, recorded.ExpectedArrival);
        Assert.Null(recorded.ArrivedOn);
    }

    [Fact]
    public async Task PlannedMoveInAfterTheAnnouncedArrival_BecomesTheArrival_AndTheOpenChecklistTasksFollow()
    {
        var arrives = Arrivals.Today.AddDays(20);
        var household = await factory.RegisterAsync(new Indgang.Web.Features.Reception.ArrivalRequest(null, null, arrives,
            [new Indgang.Web.Features.Reception.ArrivalMember("Flytter", "Senere", new DateOnly(1990, 5, 6), Indgang.Domain.People.Gender.Female, Indgang.Domain.Reception.ResidenceBasis.QuotaRefugee)]));
        var before = await ChecklistDatesAsync(household);

        await factory.AddSingleRoomsAsync("Flytteværelse", 1);
        var moved = await factory.MoveInAsync(await factory.UnitIdAsync("Flytteværelse 1"), household, arrives.AddDays(10));

        Assert.True(moved.Succeeded, moved.Error);
        var after = await ChecklistDatesAsync(household);
        var recorded = await factory.QueryAsync(db => db.Households.Where(h => h.Id == household).Select(h => new { h.ExpectedArrival, h.ArrivedOn }).SingleAsync());
        Assert.Equal(arrives.AddDays(10), recorded.ExpectedArrival);
        Assert.Null(recorded.ArrivedOn);
        var notMoveIn = before.Keys.Where(t => !Indgang.Domain.Reception.MoveTasks.MoveIn.Contains(t)).ToList();
        Assert.NotEmpty(notMoveIn);
        Assert.All(notMoveIn, t => Assert.Equal(before[t].AddDays(10), after[t]));
    }

    private Task<Dictionary<TaskType, DateOnly>> ChecklistDatesAsync(Guid household) =>
        factory.QueryAsync(db => db.Tasks.Where(t => t.HouseholdId == household).ToDictionaryAsync(t => t.Type, t => t.DueDate));
}
