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
        var stay = await factory.StayOfAsync(household);
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

    /// <summary>
    /// A checklist task the move-in moved to its day is taken by its department in the very moment the move-in is undone:
    /// it is taken, and back on the date of the expected arrival the undo puts back.
    /// </summary>
    [Fact]
    public async Task ChecklistTaskTakenAtTheMomentTheMoveInIsUndone_TakenAndMovedBack()
    {
        var unit = await factory.UnitOfItsOwnAsync("Samtidig ankomst");
        var household = await factory.RegisterSingleAsync("Samtidigtjekliste");
        var before = await DueDatesAsync(household);
        await factory.MovedInAsync(unit, household, Arrivals.Today.AddDays(14));
        var task = (await DueDatesAsync(household)).First(t => before.TryGetValue(t.Key, out var was) && was != t.Value).Key;
        var stay = await factory.StayOfAsync(household);
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var page = $"/Housing/Units/{unit}";
        factory.BeforeNextSave(
            db => db.ChangeTracker.Entries<Occupancy>().Any(e => e.Entity.Id == stay && e.State == EntityState.Deleted),
            () => factory.QueryAsync(async db =>
            {
                var userId = await db.Users.Where(u => u.UserName == "sekretariat").Select(u => u.Id).SingleAsync();
                (await db.Tasks.SingleAsync(t => t.Id == task)).Take(userId);
                return await db.SaveChangesAsync();
            }));

        using var undone = await housing.PostFormAsync($"{page}?handler=CallOffMoveIn", new Dictionary<string, string> { ["OccupancyId"] = stay.ToString() }, formPage: page);

        Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);
        var saved = await factory.QueryAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.Id == task));
        Assert.NotNull(saved.AssigneeUserId);
        Assert.Equal(before[task], saved.DueDate);
        Assert.Equal(Arrivals.Today, await factory.QueryAsync(db => db.Households.Where(h => h.Id == household).Select(h => h.ExpectedArrival).SingleAsync()));
    }

    private Task<Dictionary<Guid, DateOnly>> DueDatesAsync(Guid household) =>
        factory.QueryAsync(db => db.Tasks.Where(t => t.HouseholdId == household && t.Status == CaseTaskStatus.Open && !MoveTasks.MoveIn.Contains(t.Type)).ToDictionaryAsync(t => t.Id, t => t.DueDate));
}
