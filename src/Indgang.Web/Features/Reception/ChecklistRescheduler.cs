using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;
using Indgang.Web.Data;
using Indgang.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Reception;

/// <summary>A task the checklist moved from one due date to another.</summary>
public sealed record RescheduledTask(CaseTask Task, DateOnly From, DateOnly To);

/// <summary>A checklist task's due date for one member (null: the household), as the checklist gives it.</summary>
internal sealed record ChecklistDate(TaskType Type, Guid? PersonId, DateOnly DueDate);

/// <summary>
/// When a household's arrival moves, its open checklist tasks move with it, to the dates the checklist gives for the
/// new arrival (<see cref="ChecklistTaskFactory.Plan"/>). A task is moved only while its due date is still the one the
/// checklist gave for the arrival as it was: a date set otherwise (a move-in, a member who joined later, a person) is
/// left, and so are closed tasks. Once the household has a home of ours, the move-in dates its lease, keys and
/// house-rules introduction, so those stay too.
/// </summary>
public sealed class ChecklistRescheduler(IndgangDbContext db)
{
    /// <summary>
    /// Moves the open tasks of the household (tracked, with its members, the new arrival set) from the dates the
    /// checklist gives for <paramref name="previousArrivals"/>; not saved. Returns the tasks moved, from and to.
    /// </summary>
    public async Task<IReadOnlyList<RescheduledTask>> RescheduleAsync(Household household, IReadOnlyCollection<DateOnly> previousArrivals, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(household);
        ArgumentNullException.ThrowIfNull(previousArrivals);
        if (household.ArrivalDay is not { } arrival || household.Members.Count == 0)
        {
            return [];
        }

        var before = previousArrivals.Distinct().SelectMany(a => DatedAll(household, a)).ToList();
        return await MoveAsync(household, before, arrival, cancellationToken);
    }

    /// <summary>
    /// The dates the checklist gives the household (tracked, with its members) as it is now, from its arrival: taken
    /// before a member's day 0 changes (their CPR registration recorded), to move the open tasks from afterwards
    /// (<see cref="RescheduleFromAsync"/>).
    /// </summary>
    internal static IReadOnlyList<ChecklistDate> DatesOf(Household household)
    {
        ArgumentNullException.ThrowIfNull(household);
        return household.ArrivalDay is { } arrival && household.Members.Count > 0
            ? DatedAll(household, arrival).ToList()
            : [];
    }

    /// <summary>
    /// Moves the open tasks of the household (tracked, with its members, a member's day 0 changed) from the dates the
    /// checklist gave <paramref name="before"/> the change (<see cref="DatesOf"/>); not saved. Returns the tasks moved.
    /// </summary>
    internal async Task<IReadOnlyList<RescheduledTask>> RescheduleFromAsync(Household household, IReadOnlyList<ChecklistDate> before, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(household);
        ArgumentNullException.ThrowIfNull(before);
        return household.ArrivalDay is { } arrival && household.Members.Count > 0 && before.Count > 0
            ? await MoveAsync(household, before, arrival, cancellationToken)
            : [];
    }

    /// <summary>
    /// The <paramref name="moves"/> made again on a task read again after its department took or closed it at the same
    /// moment (<see cref="TaskSaves.SaveOverTaskChangesAsync"/>): moved, unless the department gave it another date.
    /// </summary>
    public static Action<CaseTask> Again(IReadOnlyList<RescheduledTask> moves)
    {
        ArgumentNullException.ThrowIfNull(moves);
        var byTask = moves.ToDictionary(m => m.Task.Id);
        return task =>
        {
            if (byTask.TryGetValue(task.Id, out var move) && task.DueDate == move.From)
            {
                task.Reschedule(move.To);
            }
        };
    }

    private async Task<IReadOnlyList<RescheduledTask>> MoveAsync(Household household, IReadOnlyList<ChecklistDate> before, DateOnly arrival, CancellationToken cancellationToken)
    {
        var after = DatedAll(household, arrival).ToList();
        var housed = await db.Occupancies.AnyAsync(o => o.HouseholdId == household.Id, cancellationToken);
        var open = await db.Tasks.StillOpen()
            .Where(t => t.HouseholdId == household.Id)
            .ToListAsync(cancellationToken);

        var moves = Moves(open, before, after, housed ? MoveTasks.MoveIn : []).Select(m => new RescheduledTask(m.Task, m.Task.DueDate, m.DueDate)).ToList();
        foreach (var move in moves)
        {
            move.Task.Reschedule(move.To);
        }

        return moves;
    }

    /// <summary>
    /// The new due date of each task that moves: open, not of a <paramref name="pinned"/> type, due on a date the
    /// checklist gave <paramref name="before"/> for its type and member, and given another date <paramref name="after"/>.
    /// </summary>
    internal static List<(CaseTask Task, DateOnly DueDate)> Moves(
        IEnumerable<CaseTask> tasks, IReadOnlyCollection<ChecklistDate> before, IReadOnlyCollection<ChecklistDate> after, IReadOnlyCollection<TaskType> pinned)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var was = before.ToLookup(d => (d.Type, d.PersonId), d => d.DueDate);
        var becomes = after.GroupBy(d => (d.Type, d.PersonId)).ToDictionary(g => g.Key, g => g.First().DueDate);
        return
        [
            .. from task in tasks
               where !task.IsClosed && !pinned.Contains(task.Type)
               let key = (task.Type, task.PersonId)
               where was[key].Contains(task.DueDate) && becomes.TryGetValue(key, out var due) && due != task.DueDate
               select (task, becomes[key]),
        ];
    }

    /// <summary>
    /// The household's checklist from an arrival: the tasks of the members who came with it from the household's plan,
    /// and those of each member who joined later from their own (<see cref="ChecklistTaskFactory.PlanJoining"/>), as their
    /// tasks were created. Each planned task's member is its index in the household's members.
    /// </summary>
    internal static IEnumerable<PlannedTask> PlannedAll(Household household, DateOnly arrival)
    {
        ArgumentNullException.ThrowIfNull(household);
        var members = household.Members;
        var joined = members.Where(m => m.JoinedOn is not null).Select(m => m.Id).ToHashSet();
        var planned = ChecklistTaskFactory.Plan(household, members, arrival).Where(p => p.MemberIndex is not { } i || !joined.Contains(members[i].Id));
        foreach (var member in members.Where(m => m.JoinedOn is not null))
        {
            planned = planned.Concat(ChecklistTaskFactory.PlanJoining(household, member, member.JoinedOn!.Value));
        }

        return planned;
    }

    /// <summary>The household's checklist dates from an arrival (<see cref="PlannedAll"/>).</summary>
    private static IEnumerable<ChecklistDate> DatedAll(Household household, DateOnly arrival) =>
        PlannedAll(household, arrival).Select(p => Dated(p, household.Members));

    /// <summary>The planned task's type, member (null: the household) and due date.</summary>
    internal static ChecklistDate Dated(PlannedTask planned, IReadOnlyList<Person> members)
    {
        ArgumentNullException.ThrowIfNull(planned);
        ArgumentNullException.ThrowIfNull(members);
        return new ChecklistDate(planned.Type, planned.MemberIndex is { } i ? members[i].Id : null, planned.DueDate);
    }
}
