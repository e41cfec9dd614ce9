using System.Net;
using Indgang.Domain.Housing;
using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Concurrency;

/// <summary>
/// Teknik og drift marks the move-out inspection done in the very moment the housing coordinator calls the move out off,
/// between the page's checks and its save: the move out is called off all the same, the inspection stays done, and the
/// other tasks of the move out are closed.
/// </summary>
public sealed class MoveOutCallOffMeetsTaskTests(SavesMeetAppFactory factory) : IClassFixture<SavesMeetAppFactory>
{
    [Fact]
    public async Task InspectionDoneAtTheMomentTheMoveOutIsCalledOff_CalledOff_TheInspectionStaysDone()
    {
        var today = Arrivals.Today;
        var unit = await factory.UnitOfItsOwnAsync("Samtidig udflytning");
        var household = await factory.RegisterSingleAsync("Samtidigsyn");
        await factory.MovedInAsync(unit, household, today.AddDays(-5));
        var stay = await factory.QueryAsync(db => db.Occupancies.Where(o => o.HouseholdId == household).Select(o => o.Id).SingleAsync());
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var page = $"/Housing/Units/{unit}";
        using (var moved = await housing.PostFormAsync($"{page}?handler=MoveOut", new Dictionary<string, string> { ["OccupancyId"] = stay.ToString(), ["MoveOutOn"] = Arrivals.Iso(today.AddDays(30)), ["MoveOutTo"] = "OwnHome" }, formPage: page))
        {
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        }

        factory.BeforeNextSave(
            db => db.ChangeTracker.Entries<Occupancy>().Any(e => e.Entity.Id == stay && e.State == EntityState.Modified),
            () => factory.QueryAsync(async db =>
            {
                var inspection = await db.Tasks.SingleAsync(t => t.HouseholdId == household && t.Type == TaskType.MoveOutInspection);
                inspection.Complete(await db.Users.Where(u => u.UserName == "teknik").Select(u => u.Id).SingleAsync(), DateTimeOffset.UtcNow);
                return await db.SaveChangesAsync();
            }));

        using var calledOff = await housing.PostFormAsync($"{page}?handler=CallOffMoveOut", new Dictionary<string, string> { ["OccupancyId"] = stay.ToString() }, formPage: page);

        Assert.Equal(HttpStatusCode.Redirect, calledOff.StatusCode);
        Assert.True((await factory.QueryAsync(db => db.Occupancies.AsNoTracking().SingleAsync(o => o.Id == stay))).IsCurrent);
        var tasks = await factory.QueryAsync(db => db.Tasks.AsNoTracking().Where(t => t.HouseholdId == household && MoveTasks.MoveOut.Contains(t.Type)).ToListAsync());
        Assert.Equal(
            [(TaskType.LeaseTermination, CaseTaskStatus.NotNeeded), (TaskType.KeyReturn, CaseTaskStatus.NotNeeded), (TaskType.MoveOutInspection, CaseTaskStatus.Done)],
            tasks.OrderBy(t => t.Type).Select(t => (t.Type, t.Status)));
    }
}
