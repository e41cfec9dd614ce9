using Indgang.Domain.Audit;
using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Features.Tasks;
using Indgang.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.DemoData;

/// <summary>
/// The departments' work so far on the households that have come: each task due before today is done, by the
/// department's demo user, on or shortly before its due date — as a municipality mid-year looks, not a pile of
/// overdue work. A household that has never had a home of ours keeps what needs one open (lease, keys, the house-rules
/// introduction and the defects list, <see cref="MoveTasks.WaitForFirstHome"/>): they wait for a home. (One that has
/// moved on to a permanent home had ours first, and its move-in was done then.) A household still expected, or whose
/// arrival is not confirmed, is left as it is.
/// </summary>
internal sealed class DemoTaskHistory(IndgangDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task RecordAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var arrived = db.Households.Where(h => h.ArrivedOn != null && h.ArrivedOn <= today).Select(h => h.Id);
        var housed = await db.Occupancies.Where(o => o.MovedInOn <= today).Select(o => o.HouseholdId).Distinct().ToListAsync(cancellationToken);
        var due = await db.Tasks.Where(t => arrived.Contains(t.HouseholdId) && t.Status == CaseTaskStatus.Open && t.DueDate < today)
            .OrderBy(t => t.DueDate).ThenBy(t => t.Title).ToListAsync(cancellationToken);
        var workers = await WorkersAsync(cancellationToken);
        var done = new List<(Guid? Person, string? Details)>();
        foreach (var task in due.Where(t => housed.Contains(t.HouseholdId) || !MoveTasks.WaitForFirstHome.Contains(t.Type)))
        {
            // On the due day or one or two days before: the departments keep their deadlines.
            var day = task.DueDate.AddDays(-(done.Count % 3));
            var (userId, userName) = workers[task.DepartmentId];
            task.Complete(userId, DemoClock.At(clock, day));
            done.Add(TaskAudit.Of(task, $" (demodata: udført af {userName} {day:yyyy-MM-dd})"));
        }

        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordEachAsync(AuditAction.TaskCompleted, done, AuditPurpose.TaskWork, cancellationToken);
    }

    /// <summary>Each department's demo user who works its tasks: the first listed for it (Jobberiet's is the coordinator).</summary>
    private async Task<Dictionary<Guid, (string Id, string UserName)>> WorkersAsync(CancellationToken cancellationToken)
    {
        var order = DemoMunicipality.Users.Select(u => u.UserName).ToList();
        var users = await db.Users.AsNoTracking().Where(u => u.DepartmentId != null)
            .Select(u => new { u.Id, u.UserName, DepartmentId = u.DepartmentId!.Value }).ToListAsync(cancellationToken);
        return users.GroupBy(u => u.DepartmentId)
            .ToDictionary(g => g.Key, g => g.OrderBy(u => order.IndexOf(u.UserName!)).Select(u => (u.Id, u.UserName!)).First());
    }
}
