using Indgang.Domain;
using Indgang.Domain.Housing;
using Indgang.Domain.Notifications;
using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Features.Notifications;
using Indgang.Web.Features.Tasks;
using Indgang.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Housing;

/// <summary>
/// The tasks of an agreed move follow it: those of a move out of one of our units (lease, keys, inspection;
/// <see cref="MoveTasks.MoveOut"/> of the stay, <see cref="CaseTask.OccupancyId"/>; not the stay's move-in tasks), and those of the move into a permanent home accepted on the pipeline
/// (<see cref="MoveTasks.IntoPermanentHome"/> of no stay: a move into one of our permanent units has its own, which its
/// stay's undo closes; a household has one accepted offer at most). To the new day when it
/// moves (each task as many days after it as <see cref="MoveTasks.DaysAfterMove"/> says), closed as not needed when it
/// is called off (an acceptance undone while the household stays in our permanent unit: handed to that stay), and named
/// anew when the permanent home's address is corrected. Those done already stay done. Each
/// department whose task changed is told. Saved with the caller's changes.
/// </summary>
public sealed class AgreedMoveTasks(IndgangDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    public static readonly Said CalledOffReason = new Said("Fraflytningen er aflyst.");

    public static readonly Said AcceptanceUndoneReason = new Said("Accepten af boligtilbuddet er fortrudt.");

    public async Task MovedAsync(Occupancy stay, DateOnly newDay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stay);
        await FollowAsync(stay.HouseholdId, await OpenAsync(stay, cancellationToken), newDay, new Said("Fraflytningen er flyttet til {0:d. MMMM yyyy}", newDay), cancellationToken);
    }

    public async Task CalledOffAsync(Occupancy stay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stay);
        await FollowAsync(stay.HouseholdId, await OpenAsync(stay, cancellationToken), null, new Said("Fraflytningen er aflyst; opgaverne er lukket"), cancellationToken);
    }

    /// <summary>The move into the accepted permanent home comes on <paramref name="newDay"/>: its open tasks follow.</summary>
    public async Task PermanentHomeMovedAsync(HousingOffer offer, DateOnly newDay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(offer);
        await FollowAsync(offer.HouseholdId, await OpenIntoPermanentHomeAsync(offer, cancellationToken), newDay,
            new Said("Indflytningen i {0} er flyttet til {1:d. MMMM yyyy}", offer.Address, newDay), cancellationToken);
    }

    /// <summary>
    /// The acceptance of the offer is undone: the open tasks of the move into that home are not needed. While the
    /// household lives, or is to live, in one of our permanent units (a stay not moved out), they go to that stay
    /// instead, named with the unit and dated from its move-in, as that move-in would have made them without the
    /// acceptance (<see cref="Reception.ChecklistTaskFactory.AddMoveInTasksAsync"/>), and are its own from then on. Before,
    /// they were closed, and the household in its permanent home had neither guidance nor defects list.
    /// </summary>
    public async Task PermanentHomeUndoneAsync(HousingOffer offer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var open = await OpenIntoPermanentHomeAsync(offer, cancellationToken);
        var today = clock.Today();
        var stay = await (from o in db.Occupancies.AsNoTracking().HomeOn(today)
                          join u in db.HousingUnits.AsNoTracking() on o.UnitId equals u.Id
                          where o.HouseholdId == offer.HouseholdId && !o.IsTemporary
                          select new { o.Id, o.MovedInOn, u.Label }).FirstOrDefaultAsync(cancellationToken);
        if (stay is null)
        {
            await FollowAsync(offer.HouseholdId, open, null, new Said("Accepten af {0} er fortrudt; opgaverne er lukket", offer.Address), cancellationToken);
            return;
        }

        await ChangeEachAsync(offer.HouseholdId, open, t =>
            {
                t.HandedTo(stay.Id, stay.MovedInOn.AddDays(MoveTasks.DaysAfterMove(t.Type)));
                t.Rename(MoveTasks.TitleWith(t.Type, stay.Label));
            },
            new Said("Accepten af {0} er fortrudt; opgaverne hører nu til indflytningen i {1}", offer.Address, stay.Label), cancellationToken);
    }

    /// <summary>
    /// The change this service gave each task in this request, by id (<see cref="ChangeEachAsync"/>): what
    /// <see cref="Change"/> gives the task again when it is saved over a department's change at the same moment.
    /// </summary>
    private readonly Dictionary<Guid, Action<CaseTask>> _given = [];

    /// <summary>
    /// The address of the accepted permanent home was typed wrong and is corrected: the open tasks of the move into it are
    /// named with the address as it is now (those done keep the name they were done under).
    /// </summary>
    public async Task PermanentHomeReaddressedAsync(HousingOffer offer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var open = await OpenIntoPermanentHomeAsync(offer, cancellationToken);
        open.RemoveAll(t => t.Title == MoveTasks.TitleWith(t.Type, offer.Address));
        await ChangeEachAsync(offer.HouseholdId, open, t => t.Rename(MoveTasks.TitleWith(t.Type, offer.Address)),
            new Said("Adressen på den permanente bolig, der flyttes til, er rettet til {0}", offer.Address), cancellationToken);
    }

    /// <summary>
    /// One task of an agreed move given the change: the one this service gave it in this request, when it did (saved again
    /// over a department's change at the same moment: an undone acceptance's task handed to the stay stays handed, not
    /// closed); otherwise to <paramref name="newDay"/> (and its days after it), or closed when null.
    /// </summary>
    public void Change(CaseTask task, DateOnly? newDay)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (_given.TryGetValue(task.Id, out var given))
        {
            given(task);
        }
        else
        {
            ChangeTo(task, newDay);
        }
    }

    /// <summary>One task of an agreed move to <paramref name="newDay"/> (and its days after it), or closed when null.</summary>
    private void ChangeTo(CaseTask task, DateOnly? newDay)
    {
        if (newDay is { } day)
        {
            task.Reschedule(day.AddDays(MoveTasks.DaysAfterMove(task.Type)));
        }
        else
        {
            var reason = MoveTasks.IntoPermanentHome.Contains(task.Type) ? AcceptanceUndoneReason : CalledOffReason;
            task.CloseAsNotNeeded(http.IdOrSystem(), reason, clock.GetUtcNow());
        }
    }

    private Task<List<CaseTask>> OpenAsync(Occupancy stay, CancellationToken cancellationToken) =>
        db.Tasks.StillOpen().Where(t => t.HouseholdId == stay.HouseholdId && t.OccupancyId == stay.Id && MoveTasks.MoveOut.Contains(t.Type)).ToListAsync(cancellationToken);

    private Task<List<CaseTask>> OpenIntoPermanentHomeAsync(HousingOffer offer, CancellationToken cancellationToken) =>
        db.Tasks.StillOpen().Where(t => t.HouseholdId == offer.HouseholdId && t.OccupancyId == null && MoveTasks.IntoPermanentHome.Contains(t.Type)).ToListAsync(cancellationToken);

    /// <summary>The open tasks get the change (<see cref="Change"/>), and each department that had one is told <paramref name="what"/>.</summary>
    private Task FollowAsync(Guid householdId, List<CaseTask> open, DateOnly? newDay, Said what, CancellationToken cancellationToken) =>
        ChangeEachAsync(householdId, open, t => ChangeTo(t, newDay), what, cancellationToken);

    /// <summary>
    /// The open tasks get the <paramref name="change"/>, kept for <see cref="Change"/>, and each department that had one is
    /// told <paramref name="what"/>.
    /// </summary>
    private async Task ChangeEachAsync(Guid householdId, List<CaseTask> open, Action<CaseTask> change, Said what, CancellationToken cancellationToken)
    {
        foreach (var task in open)
        {
            change(task);
            _given[task.Id] = change;
        }

        if (open.Count == 0)
        {
            return;
        }

        var household = await db.Households.Where(h => h.Id == householdId).Select(h => h.Name).FirstAsync(cancellationToken);
        foreach (var department in open.Select(t => t.DepartmentId).Distinct())
        {
            db.Notifications.Add(new Notification(null, department, Notices.TasksFollow(what, household), "/Tasks", clock.GetUtcNow()) { HouseholdId = householdId });
        }
    }
}
