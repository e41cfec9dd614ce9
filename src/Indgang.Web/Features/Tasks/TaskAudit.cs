using Indgang.Domain.Tasks;
using Indgang.Web.Audit;

namespace Indgang.Web.Features.Tasks;

/// <summary>
/// Whom the audit log names when a task is taken, completed or closed: the person it is for, or, a task for the whole
/// household (its lease, its keys, its start package), the household (<see cref="AuditLog.Household"/>), so that each
/// member's insight finds who worked on it.
/// </summary>
public static class TaskAudit
{
    /// <summary>The subject and details of an entry about the task, with <paramref name="more"/> said after its title.</summary>
    public static (Guid? Subject, string Details) Of(CaseTask task, string? more = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        var what = $"{task.Type}: {task.Title}{more}";
        return task.PersonId is { } person ? (person, what) : (null, AuditLog.Household(task.HouseholdId, $": {what}"));
    }
}
