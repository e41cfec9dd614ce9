using System.Net;
using Indgang.Domain.Housing;
using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Concurrency;

/// <summary>
/// Sekretariatet marks the lease done in the very moment the housing coordinator undoes a move-in still ahead, between
/// the page's checks and its save: the move-in is undone all the same, the lease stays done, and the other move-in tasks
/// close as not needed.
/// </summary>
public sealed class MoveInCallOffMeetsTaskTests(SavesMeetAppFactory factory) : IClassFixture<SavesMeetAppFactory>
{
    [Fact]
    public async Task LeaseDoneAtTheMomentTheMoveInIsUndone_Undone_TheLeaseStaysDone()
    {
        var unit = await factory.UnitOfItsOwnAsync("Samtidig indflytning");
        var household = await factory.RegisterSingleAsync("Samtidiglejekontrakt");
        await factory.MovedInAsync(unit, household, Arrivals.Today.AddDays(7));
        var stay = await factory.QueryAsync(db => db.Occupancies.Where(o => o.HouseholdId == household).Select(o => o.Id).SingleAsync());
        var lease = await factory.QueryAsync(db => db.Tasks.Where(t => t.HouseholdId == household && t.Type == TaskType.LeaseContract).Select(t => t.Id).SingleAsync());
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var page = $"/Housing/Units/{unit}";
        factory.BeforeNextSave(
            db => db.ChangeTracker.Entries<Occupancy>().Any(e => e.Entity.Id == stay && e.State == EntityState.Deleted),
            () => factory.CompleteAsAsync(lease, "sekretariat"));

        using var undone = await housing.PostFormAsync($"{page}?handler=CallOffMoveIn", new Dictionary<string, string> { ["OccupancyId"] = stay.ToString() }, formPage: page);

        Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);
        Assert.False(await factory.QueryAsync(db => db.Occupancies.AnyAsync(o => o.Id == stay)));
        var tasks = await factory.QueryAsync(db => db.Tasks.AsNoTracking().Where(t => t.HouseholdId == household && MoveTasks.MoveIn.Contains(t.Type)).ToListAsync());
        Assert.Equal(
            [(TaskType.LeaseContract, CaseTaskStatus.Done), (TaskType.KeyHandover, CaseTaskStatus.NotNeeded), (TaskType.HouseRulesIntroduction, CaseTaskStatus.NotNeeded)],
            tasks.OrderBy(t => t.Type).Select(t => (t.Type, t.Status)));
    }
}
