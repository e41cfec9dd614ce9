using System.Net;
using Indgang.Domain.Housing;
using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// Move-in tasks belong to their stay (<see cref="CaseTask.OccupancyId"/>): a household that moves from one of our units
/// into another on an agreed day gets the lease, keys and house rules of the second home as tasks of its own, the first
/// home's stay as they were (overdue ones still overdue), and calling the second move-in off closes its own tasks only.
/// The first move-in takes the arrival checklist's lease and keys, made before the household had a home.
/// </summary>
public sealed class SecondMoveInTasksTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task SecondMoveIn_GetsItsOwnMoveInTasks_OwnedByTheMatrix_TheFirstHomesStayAsTheyWere()
    {
        var (household, first, second, before) = await MovesOnAsync("Andenhjem A", "Andenhjem B", "Andenflytter");

        Assert.Equal(before, await TasksOfAsync(first));
        Assert.All(before, t => Assert.Equal((Arrivals.Today.AddDays(-3), CaseTaskStatus.Open), (t.DueDate, t.Status)));
        var own = await TasksOfAsync(second);
        Assert.Equal(MoveTasks.MoveIn.Order(), own.Select(t => t.Type).Order());
        var owners = await factory.QueryAsync(db => db.Responsibilities.AsNoTracking().ToDictionaryAsync(r => r.TaskType, r => r.DepartmentId));
        Assert.All(own, t =>
        {
            Assert.Equal((household, Arrivals.Today.AddDays(5), CaseTaskStatus.Open), (t.HouseholdId, t.DueDate, t.Status));
            Assert.Equal(owners[t.Type], t.DepartmentId);
            Assert.EndsWith(" – Andenhjem B", t.Title, StringComparison.Ordinal);
        });
        Assert.Empty(own.Select(t => t.Id).Intersect(before.Select(t => t.Id)));
    }

    [Fact]
    public async Task CallOff_TheSecondMoveIn_ClosesItsOwnTasksOnly()
    {
        var (_, first, second, before) = await MovesOnAsync("Andenfortryd A", "Andenfortryd B", "Andenfortryder");
        var own = (await TasksOfAsync(second)).Select(t => t.Id).ToList();
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var unit = await factory.UnitIdAsync("Andenfortryd B");

        using var calledOff = await housing.CallOffMoveInAsync(unit, second);

        // The page itself tells that the household stays on in its first home (MoveToAnotherUnitTests).
        Assert.Equal(HttpStatusCode.OK, calledOff.StatusCode);
        Assert.Equal(before, await TasksOfAsync(first));
        var closed = await factory.QueryAsync(db => db.Tasks.AsNoTracking().Where(t => own.Contains(t.Id)).ToListAsync());
        Assert.Equal(3, closed.Count);
        Assert.All(closed, t =>
        {
            Assert.Equal((CaseTaskStatus.NotNeeded, "Indflytningen i Andenfortryd B er fortrudt."), (t.Status, t.NotNeededReason));
            // The stay is gone; its closed tasks keep no tie to it.
            Assert.Null(t.OccupancyId);
        });
    }

    [Fact]
    public async Task AgreedMoveOut_OnAnotherDay_LeavesTheStaysMoveInTasksWhereTheyWere()
    {
        var (_, household, stay) = await factory.HousedSingleAsync("Flyttedag A", "Flyttedagsen", daysAgo: 3);
        var before = await TasksOfAsync(stay);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var moves = scope.ServiceProvider.GetRequiredService<HousingMoves>();
            var agreed = await moves.MoveOutAsync(stay, Arrivals.Today.AddDays(5), MoveOutDestination.OwnHome);
            Assert.True(agreed.Succeeded, agreed.Error);
            var changed = await moves.ChangeMoveOutAsync(stay, Arrivals.Today.AddDays(8));
            Assert.True(changed.Succeeded, changed.Error);
        }

        Assert.Equal(before, await TasksOfAsync(stay));
        var moveOut = await factory.QueryAsync(db => db.Tasks.AsNoTracking().Where(t => t.HouseholdId == household && MoveTasks.MoveOut.Contains(t.Type)).Select(t => t.DueDate).ToListAsync());
        Assert.Equal([Arrivals.Today.AddDays(8), Arrivals.Today.AddDays(8), Arrivals.Today.AddDays(8)], moveOut);
    }

    [Fact]
    public async Task FirstMoveIn_TakesTheChecklistsLeaseAndKeys_MovedToItsDay_AsTasksOfTheStay()
    {
        var household = await factory.RegisterSingleAsync("Førsteflytter");
        var checklist = await factory.QueryAsync(db => db.Tasks.AsNoTracking()
            .Where(t => t.HouseholdId == household && MoveTasks.MoveIn.Contains(t.Type)).Select(t => t.Id).ToListAsync());
        Assert.NotEmpty(checklist);

        await factory.MovedInAsync(await factory.UnitOfItsOwnAsync("Førstehjem"), household, Arrivals.Today.AddDays(4));

        var stay = await factory.StayOfAsync(household);
        var tasks = await TasksOfAsync(stay);
        Assert.Equal(MoveTasks.MoveIn.Order(), tasks.Select(t => t.Type).Order());
        Assert.Subset(tasks.Select(t => t.Id).ToHashSet(), checklist.ToHashSet());
        Assert.All(tasks, t => Assert.Equal((Arrivals.Today.AddDays(4), CaseTaskStatus.Open), (t.DueDate, t.Status)));
        Assert.Equal(3, await factory.QueryAsync(db => db.Tasks.CountAsync(t => t.HouseholdId == household && MoveTasks.MoveIn.Contains(t.Type))));
    }

    /// <summary>
    /// A single adult housed in <paramref name="firstLabel"/> three days ago, its move-in tasks still open (overdue), who
    /// then moves to <paramref name="secondLabel"/> in five days, out of the first on the same day: the household, both
    /// stays, and the first stay's move-in tasks as they were before the move.
    /// </summary>
    private async Task<(Guid Household, Guid First, Guid Second, List<TaskRow> Before)> MovesOnAsync(string firstLabel, string secondLabel, string lastName)
    {
        var (_, household, first) = await factory.HousedSingleAsync(firstLabel, lastName, daysAgo: 3);
        var before = await TasksOfAsync(first);
        Assert.Equal(3, before.Count);
        var second = await factory.UnitOfItsOwnAsync(secondLabel);
        var day = Arrivals.Today.AddDays(5);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var moved = await scope.ServiceProvider.GetRequiredService<HousingMoves>().MoveOutAsync(first, day, MoveOutDestination.OtherMunicipalUnit);
            Assert.True(moved.Succeeded, moved.Error);
        }

        await factory.MovedInAsync(second, household, day);
        var stay = await factory.QueryAsync(db => db.Occupancies.Where(o => o.UnitId == second).Select(o => o.Id).SingleAsync());
        return (household, first, stay, before);
    }

    /// <summary>A move-in task as the tests compare it.</summary>
    private sealed record TaskRow(Guid Id, Guid HouseholdId, TaskType Type, Guid DepartmentId, string Title, DateOnly DueDate, CaseTaskStatus Status);

    /// <summary>The stay's move-in tasks, by type.</summary>
    private async Task<List<TaskRow>> TasksOfAsync(Guid stay) =>
        [.. (await factory.QueryAsync(db => db.Tasks.AsNoTracking().Where(t => t.OccupancyId == stay && MoveTasks.MoveIn.Contains(t.Type)).ToListAsync()))
            .Select(t => new TaskRow(t.Id, t.HouseholdId, t.Type, t.DepartmentId, t.Title, t.DueDate, t.Status)).OrderBy(t => t.Type)];
}
