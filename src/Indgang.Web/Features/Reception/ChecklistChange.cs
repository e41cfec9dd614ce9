using Indgang.Domain.Reception;

namespace Indgang.Web.Features.Reception;

/// <summary>
/// How a household's checklist changed (<see cref="ChecklistRescheduler.DatesOf"/> before and after, say, a member's
/// birth date is corrected): the tasks, by type and member (null: the household), that it gives now and did not give
/// before, and those it gave before and no longer gives. A task it gives both times, on another date or not, is in
/// neither: that one is moved (<see cref="ChecklistRescheduler"/>), not made or closed.
/// </summary>
internal sealed record ChecklistChange(IReadOnlySet<(TaskType Type, Guid? PersonId)> Added, IReadOnlySet<(TaskType Type, Guid? PersonId)> Removed)
{
    public bool IsNone => Added.Count == 0 && Removed.Count == 0;

    public static ChecklistChange Between(IEnumerable<ChecklistDate> before, IEnumerable<ChecklistDate> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var was = before.Select(d => (d.Type, d.PersonId)).ToHashSet();
        var becomes = after.Select(d => (d.Type, d.PersonId)).ToHashSet();
        return new ChecklistChange(becomes.Except(was).ToHashSet(), was.Except(becomes).ToHashSet());
    }
}
