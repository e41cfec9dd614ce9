using System.Net;
using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// A move into one of our own permanent units, made on the unit's page (not by an accepted offer on the pipeline), brings
/// the tasks of a move into a permanent home as an accepted offer does (seed 004): Jobberiet's guidance on the move-in
/// day and the defects list 14 days after it, named with the unit. They are the stay's: undoing the move-in closes
/// them with its other tasks. A household that has accepted an offer has them from that acceptance, not twice. Before,
/// such a move-in made neither (found by the housing coordinator's review).
/// </summary>
public sealed class OwnPermanentUnitTaskTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly DateOnly Today = Arrivals.Today;

    [Fact]
    public async Task MoveIntoOurPermanentUnit_GivesJobberietTheGuidanceOnTheDay_AndTheDefectsListTwoWeeksLater_NamedWithTheUnit()
    {
        var household = await factory.RegisterSingleAsync("Egenpermanent");
        var unit = await factory.UnitOfItsOwnAsync("Egen Permanent 1", isPermanent: true);
        var before = await factory.NotificationIdsAsync();

        await factory.MovedInAsync(unit, household, Today.AddDays(5));

        var stay = await factory.StayOfAsync(household);
        Assert.Equal(
            [
                (TaskType.PermanentHomeDefectsList, "Mangelliste til boligselskabet – Egen Permanent 1", Today.AddDays(19), CaseTaskStatus.Open, (Guid?)stay, "jobberiet"),
                (TaskType.PermanentHomeGuidance, "Vejledning om boligselskabets regler og husorden, og hvor man henvender sig – Egen Permanent 1", Today.AddDays(5), CaseTaskStatus.Open, stay, "jobberiet"),
            ],
            (await TasksAsync(household)).Select(t => (t.Task.Type, t.Task.Title, t.Task.DueDate, t.Task.Status, t.Task.OccupancyId, t.Department)));
        Assert.Contains(await factory.NotificationsSinceAsync(before), n => n.Department == "jobberiet" && n.Text.Contains("Egenpermanent", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MoveIntoATemporaryUnit_GivesNone()
    {
        var household = await factory.RegisterSingleAsync("Egenmidlertidig");
        await factory.MovedInAsync(await factory.UnitOfItsOwnAsync("Egen Midlertidig 1"), household, Today.AddDays(5));

        Assert.Empty(await TasksAsync(household));
    }

    [Fact]
    public async Task MoveInUndone_ClosesTheOpenOnesAsItsOtherTasks_ADoneOneStaysDone()
    {
        var household = await factory.RegisterSingleAsync("Egenfortryder");
        var unit = await factory.UnitOfItsOwnAsync("Egen Permanent 2", isPermanent: true);
        await factory.MovedInAsync(unit, household, Today.AddDays(5));
        var stay = await factory.StayOfAsync(household);
        await factory.CompleteAsAsync((await TasksAsync(household)).Single(t => t.Task.Type == TaskType.PermanentHomeGuidance).Task.Id, "koordinator");
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var undone = await housing.CallOffMoveInAsync(unit, stay);

        Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);
        Assert.Equal(
            [(TaskType.PermanentHomeDefectsList, CaseTaskStatus.NotNeeded, "Indflytningen i Egen Permanent 2 er fortrudt."), (TaskType.PermanentHomeGuidance, CaseTaskStatus.Done, null)],
            (await TasksAsync(household)).Select(t => (t.Task.Type, t.Task.Status, t.Task.NotNeededReason)));
    }

    [Fact]
    public async Task AnAcceptedOfferThenTheMoveIntoOurPermanentUnit_MakesThemOnce()
    {
        var household = await factory.RegisterSingleAsync("Egentilbud");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        await housing.AcceptedOfferAsync(factory, household, "Egen Permanent 3", Today.AddDays(10));

        var moved = await factory.MoveInAsync(await factory.UnitOfItsOwnAsync("Egen Permanent 3", isPermanent: true), household, Today.AddDays(10));

        Assert.True(moved.Succeeded, moved.Error);
        Assert.Equal(
            [(TaskType.PermanentHomeDefectsList, Today.AddDays(24)), (TaskType.PermanentHomeGuidance, Today.AddDays(10))],
            (await TasksAsync(household)).Select(t => (t.Task.Type, t.Task.DueDate)));
    }

    /// <summary>The household's tasks of moving into a permanent home, by type, with their department's code.</summary>
    private Task<List<(CaseTask Task, string Department)>> TasksAsync(Guid household) => factory.QueryAsync(async db =>
        (await (from t in db.Tasks.AsNoTracking()
                join d in db.Departments on t.DepartmentId equals d.Id
                where t.HouseholdId == household && MoveTasks.IntoPermanentHome.Contains(t.Type)
                select new { Task = t, d.Code }).ToListAsync())
        .OrderBy(x => x.Task.Type).Select(x => (x.Task, x.Code)).ToList());
}
