using Indgang.Domain.Tasks;
using Indgang.Web.Data;
using Indgang.Web.Platform.Forms;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Tasks;

/// <summary>
/// A task as a department sees it: only the facts the task needs (need-to-know). Its version is that of what matters
/// for acting on it, its status and who has it (<see cref="ShownVersion"/>), not its due date, which others may move.
/// </summary>
public sealed record QueueItem(
    Guid TaskId,
    Guid Version,
    string Title,
    Guid HouseholdId,
    string HouseholdName,
    Guid? PersonId,
    string? PersonName,
    DateOnly? PersonBirthDate,
    DateOnly DueDate,
    CaseTaskStatus Status,
    string? AssigneeName)
{
    public static Guid Shown(CaseTaskStatus status, string? assigneeUserId) => ShownVersion.Of(new { status, assigneeUserId });
}

public sealed class DepartmentWorkList(IndgangDbContext db)
{
    public async Task<List<QueueItem>> OpenForDepartmentAsync(Guid departmentId, CancellationToken cancellationToken = default)
    {
        var rows = await (
            from t in db.Tasks.AsNoTracking().StillOpen()
            join h in db.Households.AsNoTracking() on t.HouseholdId equals h.Id
            join p in db.Persons.AsNoTracking() on t.PersonId equals p.Id into persons
            from p in persons.DefaultIfEmpty()
            where t.DepartmentId == departmentId
            orderby t.DueDate
            select new { t.Id, t.Title, h.Name, HouseholdId = h.Id, t.PersonId, First = p == null ? null : p.FirstName, Last = p == null ? null : p.LastName, Birth = p == null ? (DateOnly?)null : p.BirthDate, t.DueDate, t.Status, t.AssigneeUserId })
            .ToListAsync(cancellationToken);
        var assignees = rows.Select(r => r.AssigneeUserId).OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => assignees.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return rows.Select(r => new QueueItem(
            r.Id, QueueItem.Shown(r.Status, r.AssigneeUserId), r.Title, r.HouseholdId, r.Name, r.PersonId,
            r.First is null ? null : $"{r.First} {r.Last}", r.Birth, r.DueDate, r.Status,
            r.AssigneeUserId is null ? null : names.GetValueOrDefault(r.AssigneeUserId))).ToList();
    }
}
