using Indgang.Domain.Housing;
using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;
using Indgang.Web.Data;
using Indgang.Web.Platform.Forms;
using Indgang.Web.Platform.Paging;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Tasks;

/// <summary>
/// A task as a department sees it: only the facts the task needs (need-to-know). Its version is that of what matters
/// for acting on it, its status and who has it (<see cref="ShownVersion"/>), not its due date, which others may move.
/// </summary>
public sealed record QueueItem(
    Guid TaskId,
    Guid Version,
    TaskType Type,
    string Title,
    Guid HouseholdId,
    string HouseholdName,
    Guid? PersonId,
    string? PersonName,
    DateOnly? PersonBirthDate,
    DateOnly DueDate,
    CaseTaskStatus Status,
    string? AssigneeName,
    bool WaitsForHome = false)
{
    public static Guid Shown(CaseTaskStatus status, string? assigneeUserId) => ShownVersion.Of(new { status, assigneeUserId });
}

/// <summary>One page of the work list: its tasks, which page of how many, and how many tasks each view has.</summary>
public sealed record QueuePage(IReadOnlyList<QueueItem> Items, Pagination Pages, QueueCounts Counts);

/// <summary>
/// A department's open tasks as its work list shows them, a page at a time: filtered, counted, ordered (due date,
/// title, id: the same order on every page) and cut to the page in the database.
/// </summary>
public sealed class DepartmentWorkList(IndgangDbContext db)
{
    public const int PageSize = 25;

    /// <summary>The page asked for as the address gives it (<paramref name="requestedPage"/>), or the nearest that exists.</summary>
    public async Task<QueuePage> PageAsync(Guid departmentId, string userId, QueueFilter filter, string? requestedPage, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var searched = QueueFilter.Searched(db.Tasks.AsNoTracking().StillOpen().Where(t => t.DepartmentId == departmentId), db.Households, filter.Search, filter.Household);
        var counts = await CountAsync(searched, userId, today, db.Occupancies, cancellationToken);
        var pages = Pagination.Of(requestedPage, PageSize, counts.Of(filter.View));
        var waiting = QueueFilter.WaitingForHome(db);
        var rows = await (
            from t in QueueFilter.Viewed(searched, filter.View, userId, today, db.Occupancies)
            join h in db.Households.AsNoTracking() on t.HouseholdId equals h.Id
            join p in db.Persons.AsNoTracking() on t.PersonId equals p.Id into persons
            from p in persons.DefaultIfEmpty()
            orderby t.DueDate, t.Title, t.Id
            select new { t.Id, t.Type, t.Title, h.Name, HouseholdId = h.Id, t.PersonId, First = p == null ? null : p.FirstName, Last = p == null ? null : p.LastName, Birth = p == null ? (DateOnly?)null : p.BirthDate, t.DueDate, t.Status, t.AssigneeUserId,
                WaitsForHome = waiting.Any(w => w.Id == t.Id) })
            .Skip(pages.RowsBefore).Take(pages.PageSize)
            .ToListAsync(cancellationToken);
        var assignees = rows.Select(r => r.AssigneeUserId).OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => assignees.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var items = rows.Select(r => new QueueItem(
            r.Id, QueueItem.Shown(r.Status, r.AssigneeUserId), r.Type, r.Title, r.HouseholdId, r.Name, r.PersonId,
            r.First is null ? null : $"{r.First} {r.Last}", r.Birth, r.DueDate, r.Status,
            r.AssigneeUserId is null ? null : names.GetValueOrDefault(r.AssigneeUserId), r.WaitsForHome)).ToList();
        return new QueuePage(items, pages, counts);
    }

    /// <summary>
    /// Every view's count: a row per status (open, taken) with its own tasks, and the overdue ones as their view lists
    /// them (not those waiting for a home, <see cref="QueueFilter.WaitsForHome"/>).
    /// </summary>
    private static async Task<QueueCounts> CountAsync(IQueryable<CaseTask> searched, string userId, DateOnly today, IQueryable<Occupancy> occupancies, CancellationToken cancellationToken)
    {
        var byStatus = await searched
            .GroupBy(t => t.Status)
            .Select(g => new { Status = g.Key, Count = g.Count(), Mine = g.Count(t => t.AssigneeUserId == userId) })
            .ToListAsync(cancellationToken);
        return new QueueCounts(
            All: byStatus.Sum(g => g.Count),
            Mine: byStatus.Where(g => g.Status == CaseTaskStatus.Taken).Sum(g => g.Mine),
            Free: byStatus.Where(g => g.Status == CaseTaskStatus.Open).Sum(g => g.Count),
            Overdue: await QueueFilter.Viewed(searched, QueueView.Overdue, userId, today, occupancies).CountAsync(cancellationToken));
    }
}
