using Indgang.Domain.Tasks;
using Indgang.Web.Audit;

namespace Indgang.Web.Features.Tasks;

/// <summary>
/// Whom the audit log names when a task is taken, completed or closed: the person it is for, or, a task for the whole
/// household (its lease, its keys, its start package), the household (<see cref="AuditLog.Household"/>), so that each
/// member's insight finds who worked on it.
/// <para>
/// The details name the task by its type and its id, never by its title: a member's own task has the member's first name
/// in its title (»Skoletilbud – Amira«), and the audit log can be neither corrected nor erased, while its rows already
/// name the person by id.
/// </para>
/// </summary>
public static class TaskAudit
{
    /// <summary>The subject and details of an entry about the task, with <paramref name="more"/> said after its type and id.</summary>
    public static (Guid? Subject, string Details) Of(CaseTask task, string? more = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        var what = Described(task, more);
        return task.PersonId is { } person ? (person, what) : (null, AuditLog.Household(task.HouseholdId, $": {what}"));
    }

    /// <summary>The task as the audit log names it: »LeaseContract, opgave {id}«, then <paramref name="more"/>.</summary>
    public static string Described(CaseTask task, string? more = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        return $"{task.Type}, opgave {task.Id:D}{more}";
    }
}
