using Indgang.Domain;
using Indgang.Domain.Audit;
using Indgang.Domain.Housing;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Features.Reception;
using Indgang.Web.Features.Tasks;
using Indgang.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Housing;

/// <summary>
/// Jobberiet's help to register with the housing associations' waiting lists (seed 001: "Hjælp til opskrivning til
/// permanente boliger"; <see cref="MoveTasks.IntoTemporaryHome"/>): a task made when a household on no waiting list moves
/// into a temporary unit of ours (<see cref="ChecklistTaskFactory.AddMoveInTasksAsync"/>), done when its first
/// registration is recorded on the pipeline, not needed when it moves from our temporary housing to a home of its own
/// or out of the municipality, and made again when that move is called off (with the motivation to move on, if that
/// move closed it), or when the registration that did it is removed as a mistake and no other stands. Changes are
/// tracked, not saved.
/// </summary>
public sealed class RegistrationHelp(IndgangDbContext db, ChecklistTaskFactory tasks, AuditLog audit, IHttpContextAccessor http, TimeProvider clock)
{
    public static readonly Said MovesOnReason = new Said("Husstanden flytter fra kommunens midlertidige bolig til egen bolig eller ud af kommunen.");

    /// <summary>A registration of the household is recorded: its open help is done, by whoever recorded it. Returns the tasks.</summary>
    public async Task<List<CaseTask>> GivenAsync(Guid householdId, CancellationToken cancellationToken)
    {
        var open = await db.Tasks.StillOpen().Where(t => t.HouseholdId == householdId && MoveTasks.IntoTemporaryHome.Contains(t.Type)).ToListAsync(cancellationToken);
        open.ForEach(Given);
        return open;
    }

    /// <summary>One help task done, also when its department took it at the same moment (<see cref="TaskSaves.SaveOverTaskChangesAsync"/>).</summary>
    public void Given(CaseTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        task.Complete(UserId, clock.GetUtcNow());
    }

    /// <summary>
    /// The household moves from our temporary housing to a home of its own or out of the municipality: neither the help
    /// to register nor the motivation to move on (<see cref="MoveOnMotivation"/>) is needed any more.
    /// </summary>
    public Task<int> NotNeededAsync(Household household, CancellationToken cancellationToken) =>
        tasks.CloseStillOpenAsync(household, MoveTasks.OfTemporaryHousing, UserId, MovesOnReason, new Said("husstanden flytter fra den midlertidige bolig"), cancellationToken);

    /// <summary>Why the help and the motivation to move on are not needed when the household moves into one of our permanent units.</summary>
    public static readonly Said PermanentHomeReason = new Said("Husstanden flytter ind i en permanent bolig fra kommunen.");

    /// <summary>
    /// The household moves into one of our permanent units: its first permanent home, so the duty to house it is fulfilled
    /// (integrationsloven § 12) and neither the help to register with the housing associations nor the motivation to move
    /// on is needed any more. Tracked, not saved.
    /// </summary>
    public Task<int> NotNeededInPermanentHomeAsync(Household household, CancellationToken cancellationToken) =>
        tasks.CloseStillOpenAsync(household, MoveTasks.OfTemporaryHousing, UserId, PermanentHomeReason, new Said("husstanden flytter ind i en permanent bolig fra kommunen"), cancellationToken);

    /// <summary>One help task not needed, also when its department took it at the same moment.</summary>
    public void NotNeeded(CaseTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        task.CloseAsNotNeeded(UserId, MovesOnReason, clock.GetUtcNow());
    }

    /// <summary>
    /// The household stays in our temporary housing after all (its move out called off): the help, if it needs it,
    /// counted from today, and the motivation to move on, if that move had made it not needed. Returns the task types
    /// without an owner (not saved).
    /// </summary>
    public async Task<List<TaskType>> NeededAgainAsync(Household household, CancellationToken cancellationToken) =>
        await NeededAgainAsync(household, MovesOnReason, cancellationToken);

    /// <summary>
    /// As <see cref="NeededAgainAsync(Household, CancellationToken)"/>, when the move that made them not needed was a
    /// move-in to one of our permanent units, now called off (<see cref="PermanentHomeReason"/>).
    /// </summary>
    public Task<List<TaskType>> NeededAgainWithoutPermanentHomeAsync(Household household, CancellationToken cancellationToken) =>
        NeededAgainAsync(household, PermanentHomeReason, cancellationToken);

    private async Task<List<TaskType>> NeededAgainAsync(Household household, Said closedBecause, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        return [.. await tasks.AddRegistrationHelpAsync(household, today, cancellationToken),
            .. await tasks.AddMoveOnMotivationAgainAsync(household, today, closedBecause, cancellationToken)];
    }

    /// <summary>
    /// The household's registration <paramref name="removed"/> was a mistake and is removed (tracked, not saved): living
    /// in our temporary housing and on no other waiting list, it needs the help again, counted from today.
    /// </summary>
    public async Task<List<TaskType>> NeededAgainAfterRemovalAsync(HousingRegistration removed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(removed);
        var today = clock.Today();
        if (!await db.Occupancies.HomeOn(today).AnyAsync(o => o.HouseholdId == removed.HouseholdId && o.IsTemporary, cancellationToken))
        {
            return [];
        }

        var household = await db.Households.Include(h => h.Members).FirstAsync(h => h.Id == removed.HouseholdId, cancellationToken);
        return await tasks.AddRegistrationHelpAgainAsync(household, removed.Id, today, cancellationToken);
    }

    /// <summary>
    /// The help tasks this user has done (of <paramref name="given"/>, saved) in the audit log, with why; those its
    /// department closed at the same moment are its own.
    /// </summary>
    public Task AuditGivenAsync(IEnumerable<CaseTask> given, string why, CancellationToken cancellationToken) =>
        audit.RecordEachAsync(
            AuditAction.TaskCompleted,
            given.Where(t => t.Status == CaseTaskStatus.Done && t.ClosedByUserId == UserId).Select(t => ((Guid?)null, (string?)AuditLog.Household(t.HouseholdId, $": {TaskAudit.Described(t, $" ({why})")}"))),
            AuditPurpose.TaskWork,
            cancellationToken);

    /// <summary>Who makes the change: the signed-in user, or the system when none (a background job).</summary>
    internal string UserId => http.IdOrSystem();
}
