using Indgang.Domain.Deadlines;
using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Features.Reception;
using Indgang.Web.Features.RuleSets;
using Indgang.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Dashboard;

/// <summary>
/// A task as the start page lists it; <paramref name="WaitsForHome"/>: its due date is not real yet
/// (<see cref="Tasks.QueueFilter.WaitsForHome"/>), so it is not late.
/// </summary>
public sealed record DashboardTask(Guid HouseholdId, string HouseholdName, TaskType Type, string Title, string DepartmentName, DateOnly DueDate, CaseTaskStatus Status, DateTimeOffset? ClosedAt, Guid? PersonId = null, bool WaitsForHome = false);

public sealed record DashboardDeadline(Guid HouseholdId, string HouseholdName, DeadlineView Deadline);

/// <summary>A household whose expected arrival has come without an arrival recorded: day 0 is still an estimate.</summary>
public sealed record ArrivalToConfirm(Guid HouseholdId, string HouseholdName, DateOnly ExpectedArrival);

public sealed record CoordinatorOverview(
    HouseholdListPage Households,
    DashboardListPage<ArrivalToConfirm> ArrivalsToConfirm,
    DashboardListPage<DashboardDeadline> DueSoon,
    DashboardListPage<DashboardDeadline> OverdueDeadlines,
    DashboardListPage<DashboardTask> OverdueTasks,
    DashboardListPage<DashboardTask> WaitingOnOthers,
    IReadOnlyList<DashboardTask> RecentlyDone);

/// <summary>
/// The coordinator's overview (TASK-4): my households, arrivals to confirm, what is due, what is late, who we wait for.
/// The list of households is a page (<see cref="HouseholdList"/>), searched; the arrivals to confirm, what is due, what
/// is late and who we wait for cover every household of the coordinator's, each a page of its own
/// (<see cref="DashboardListPage{T}"/>), the most urgent (the longest expected) first.
/// </summary>
public sealed class CoordinatorDashboard(IndgangDbContext db, HouseholdList list, RuleSetSource rules, AuditLog audit, TimeProvider clock)
{
    /// <summary>
    /// The overview of the coordinator's households, with the pages of its lists the start page's address asks for
    /// (<paramref name="address"/>), the list of households as searched (<paramref name="search"/>).
    /// </summary>
    public async Task<CoordinatorOverview> ForAsync(string coordinatorUserId, Guid? ownDepartment, HouseholdSearch search, StartPageAddress address, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        var today = clock.Today();
        var listed = await list.PageAsync(db.Households.Where(h => h.CoordinatorUserId == coordinatorUserId), HouseholdListKind.Mine, search, address, cancellationToken);

        // Each member's deadlines are worked out here from their day 0 and the rules in force (CaseDeadlines), and an
        // overdue one stays overdue until met, so every household is read with its members: no query can leave out
        // those with nothing due. The arrivals to confirm are taken from the same households.
        var households = await db.Households.AsNoTracking().Include(h => h.Members)
            .Where(h => h.CoordinatorUserId == coordinatorUserId).OrderBy(h => h.Name).ToListAsync(cancellationToken);
        // Their members' contracts and met deadlines asked for by the coordinator in the query: thousands of members' ids
        // sent along as a list cost more than the rest of the overview.
        var members = from p in db.Persons join h in db.Households on p.HouseholdId equals h.Id where h.CoordinatorUserId == coordinatorUserId select p.Id;
        var contracts = await db.IntegrationContracts.AsNoTracking().Where(c => members.Contains(c.PersonId)).ToDictionaryAsync(c => c.PersonId, cancellationToken);
        var overlay = await rules.OverlayAsync(cancellationToken);
        var completions = await Households.HouseholdCase.CompletionsAsync(db, members, cancellationToken);

        var deadlines = households
            .SelectMany(h => h.Members.SelectMany(m =>
                CaseDeadlines.For(m, h, rules.National, overlay, contracts.GetValueOrDefault(m.Id), today, completions.GetValueOrDefault(m.Id)).Deadlines
                    .Select(d => new DashboardDeadline(h.Id, h.Name, d))))
            .ToList();
        var dueSoon = DashboardListPage.Of<DashboardDeadline>(
            [.. deadlines.Where(d => d.Deadline.LegalStatus == DeadlineStatus.DueSoon || d.Deadline.TargetStatus == DeadlineStatus.DueSoon)
                .OrderBy(d => d.Deadline.FirstDue).ThenBy(d => d.HouseholdName, StringComparer.Ordinal).ThenBy(d => d.Deadline.PersonId).ThenBy(d => d.Deadline.Kind)],
            DashboardListKind.DueSoon, address);
        var overdue = DashboardListPage.Of<DashboardDeadline>(
            [.. deadlines.Where(d => !d.Deadline.IsLocalOnly && (d.Deadline.LegalStatus == DeadlineStatus.Overdue || d.Deadline.TargetStatus == DeadlineStatus.Overdue))
                .OrderBy(d => d.Deadline.FirstDue).ThenBy(d => d.HouseholdName, StringComparer.Ordinal).ThenBy(d => d.Deadline.PersonId).ThenBy(d => d.Deadline.Kind)],
            DashboardListKind.OverdueDeadlines, address);

        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);
        var since = clock.GetUtcNow().AddDays(-14);
        // Only the tasks the overview shows: those still open and those closed in the last two weeks. Years of cases hold
        // many times more closed ones, which would be read only to be left out. The households are joined in the query
        // (not their ids sent along): a coordinator's hundreds of households are no list of parameters.
        var waitingForHome = Tasks.QueueFilter.WaitingForHome(db);
        var tasks = (await (
                from t in db.Tasks.AsNoTracking()
                join h in db.Households.AsNoTracking() on t.HouseholdId equals h.Id
                where h.CoordinatorUserId == coordinatorUserId && (t.Status == CaseTaskStatus.Open || t.Status == CaseTaskStatus.Taken || t.ClosedAt >= since)
                select new { Task = t, h.Name, WaitsForHome = waitingForHome.Any(w => w.Id == t.Id) })
                .ToListAsync(cancellationToken))
            .Select(r => (r.Task, Row: new DashboardTask(r.Task.HouseholdId, r.Name, r.Task.Type, r.Task.Title, departments.GetValueOrDefault(r.Task.DepartmentId) ?? "?", r.Task.DueDate, r.Task.Status, r.Task.ClosedAt, r.Task.PersonId, r.WaitsForHome)))
            .ToList();

        // A task waiting for a home is not late: it stays with those we wait for, marked as waiting.
        var overdueTasks = DashboardListPage.Of<DashboardTask>(
            [.. tasks.Where(t => t.Task.IsOverdueOn(today) && !t.Row.WaitsForHome).OrderBy(t => t.Task.DueDate).ThenBy(t => t.Task.Id).Select(t => t.Row)], DashboardListKind.OverdueTasks, address);
        var waiting = DashboardListPage.Of<DashboardTask>(
            [.. tasks.Where(t => !t.Task.IsClosed && t.Task.DepartmentId != ownDepartment).OrderBy(t => t.Task.DueDate).ThenBy(t => t.Task.Id).Select(t => t.Row)], DashboardListKind.WaitingOnOthers, address);
        var recentlyDone = tasks.Where(t => t.Task.IsClosed && t.Task.ClosedAt >= since).OrderByDescending(t => t.Task.ClosedAt).Take(20).Select(t => t.Row).ToList();

        var arrivalsToConfirm = DashboardListPage.Of<ArrivalToConfirm>(
            [.. households.Where(h => h.ArrivedOn is null && h.ExpectedArrival <= today).OrderBy(h => h.ExpectedArrival).ThenBy(h => h.Name, StringComparer.Ordinal).ThenBy(h => h.Id)
                .Select(h => new ArrivalToConfirm(h.Id, h.Name, h.ExpectedArrival!.Value))],
            DashboardListKind.ArrivalsToConfirm, address);

        // Read, once a view and not those a page link away: the persons whose deadlines or tasks are shown (a task's title
        // names its person); the households of the list's page, those whose arrival is to be confirmed (by name), and those
        // with a task for the whole household shown (its title names their home).
        List<DashboardTask> tasksShown = [.. overdueTasks.Rows, .. waiting.Rows, .. recentlyDone];
        await audit.RecordReadsAsync(AuditPurpose.CoordinatorOverview,
            persons: dueSoon.Rows.Select(d => d.Deadline.PersonId).Concat(overdue.Rows.Select(d => d.Deadline.PersonId)).Concat(tasksShown.Select(t => t.PersonId).OfType<Guid>()),
            households: listed.Rows.Select(r => r.Id).Concat(arrivalsToConfirm.Rows.Select(a => a.HouseholdId)).Concat(tasksShown.Where(t => t.PersonId is null).Select(t => t.HouseholdId)),
            cancellationToken: cancellationToken);

        return new CoordinatorOverview(
            listed,
            arrivalsToConfirm,
            dueSoon,
            overdue,
            overdueTasks,
            waiting,
            recentlyDone);
    }
}
