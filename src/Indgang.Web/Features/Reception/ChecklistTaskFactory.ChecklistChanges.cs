using Indgang.Domain;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Reception;

/// <summary>
/// What following a change of a household's checklist did (<see cref="ChecklistTaskFactory.FollowChecklistChangeAsync"/>):
/// the task types the responsibility matrix has no department for (then it did nothing), how many tasks it made and
/// how many it closed as not needed, and the closing to make again on a task its department took at the same moment.
/// </summary>
public sealed record ChecklistFollowed(IReadOnlyList<TaskType> Ownerless, int Made, int Closed, Action<CaseTask> CloseAgain)
{
    internal static readonly ChecklistFollowed Nothing = new([], 0, 0, _ => { });
}

public sealed partial class ChecklistTaskFactory
{
    /// <summary>
    /// The household's checklist (tracked, with its members) gives other tasks than it gave <paramref name="before"/> a
    /// change to a member (<see cref="ChecklistRescheduler.DatesOf"/>; a birth date corrected, so that an adult at
    /// arrival is a child, say), and the tasks follow it (<see cref="ChecklistChange"/>). A task it gives now and did not
    /// is made for its department, dated as the checklist dates it but not before <paramref name="today"/>, unless the
    /// household has one of that type for that member already, whatever its status; one closed as not needed with this
    /// same <paramref name="reason"/> (an earlier change undone) does not count. A task it no longer gives is closed as
    /// not needed, by <paramref name="userId"/> with the reason, while still to do (open or taken); one done stays done.
    /// Each department is told of its new and its closed tasks (<paramref name="why"/>). The tasks it gives both times
    /// are left to <see cref="ChecklistRescheduler.RescheduleFromAsync"/>. Not saved; with an ownerless task type,
    /// nothing is added or closed.
    /// </summary>
    internal async Task<ChecklistFollowed> FollowChecklistChangeAsync(
        Household household, IReadOnlyList<ChecklistDate> before, string userId, Said reason, Said why, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(household);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(reason);
        var planned = household.ArrivalDay is { } arrival && household.Members.Count > 0 ? ChecklistRescheduler.PlannedAll(household, arrival).ToList() : [];
        var change = ChecklistChange.Between(before, planned.Select(p => ChecklistRescheduler.Dated(p, household.Members)));
        if (change.IsNone)
        {
            return ChecklistFollowed.Nothing;
        }

        var made = await MadeAsync(household, reason, cancellationToken);
        var missing = planned
            .Select(p => (Task: p, Key: (p.Type, ChecklistRescheduler.Dated(p, household.Members).PersonId)))
            .Where(p => change.Added.Contains(p.Key) && !made.Contains(p.Key))
            .Select(p => p.Task.DueDate < today ? p.Task with { DueDate = today } : p.Task)
            .ToList();
        if (await AddTasksAsync(household, household.Members, missing, cancellationToken) is { Count: > 0 } ownerless)
        {
            return ChecklistFollowed.Nothing with { Ownerless = ownerless };
        }

        var removedTypes = change.Removed.Select(k => k.Type).Distinct().ToList();
        var open = (await StillOpen(household, removedTypes).ToListAsync(cancellationToken)).Where(t => change.Removed.Contains((t.Type, t.PersonId))).ToList();
        var closed = open.Select(t => t.Id).ToHashSet();
        return new ChecklistFollowed([], missing.Count, Close(household, open, userId, reason, why), task =>
        {
            if (closed.Contains(task.Id) && !task.IsClosed)
            {
                task.CloseAsNotNeeded(userId, reason, clock.GetUtcNow());
            }
        });
    }

    /// <summary>
    /// A member joined the household (tracked, the member added to its members; their own tasks made by
    /// <see cref="AddForJoiningMemberAsync"/>): the household's own tasks (no member's) that its checklist gives now and
    /// did not give <paramref name="before"/> are made, dated as the checklist dates them but not before
    /// <paramref name="today"/>, unless the household has one of that type already, whatever its status: the family
    /// consultant's offer when the first child joins, say. A task the checklist no longer gives is left to the coordinator:
    /// a member joining changes no fact that was registered wrong. Returns the task types without an owner (not saved).
    /// </summary>
    internal async Task<List<TaskType>> AddHouseholdTasksAfterJoiningAsync(
        Household household, IReadOnlyList<ChecklistDate> before, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(household);
        ArgumentNullException.ThrowIfNull(before);
        var planned = household.ArrivalDay is { } arrival && household.Members.Count > 0
            ? ChecklistRescheduler.PlannedAll(household, arrival).Where(p => p.MemberIndex is null).ToList()
            : [];
        var added = ChecklistChange.Between(before, planned.Select(p => ChecklistRescheduler.Dated(p, household.Members))).Added;
        var had = await db.Tasks.AsNoTracking().Where(t => t.HouseholdId == household.Id && t.PersonId == null).Select(t => t.Type).ToListAsync(cancellationToken);
        var missing = planned
            .Where(p => added.Contains((p.Type, null)) && !had.Contains(p.Type))
            .Select(p => p.DueDate < today ? p with { DueDate = today } : p)
            .ToList();
        return await AddTasksAsync(household, household.Members, missing, cancellationToken);
    }

    /// <summary>
    /// The household's tasks, by type and member, that a change of its checklist does not make again: all it has, but
    /// those closed as not needed for the <paramref name="reason"/> such a change closes them with.
    /// </summary>
    private async Task<HashSet<(TaskType Type, Guid? PersonId)>> MadeAsync(Household household, Said reason, CancellationToken cancellationToken)
    {
        var closedForIt = reason.ToString();
        var made = await db.Tasks.AsNoTracking()
            .Where(t => t.HouseholdId == household.Id && !(t.Status == CaseTaskStatus.NotNeeded && t.NotNeededReason == closedForIt))
            .Select(t => new { t.Type, t.PersonId })
            .ToListAsync(cancellationToken);
        return made.Select(t => (t.Type, t.PersonId)).ToHashSet();
    }
}
