using Indgang.Domain.Notifications;
using Indgang.Web.Data;
using Indgang.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Notifications;

/// <summary>
/// Looks at open tasks once: a task due within three days notifies its department; an overdue task
/// escalates to the household's coordinator (TASK-1, TASK-3). Each notice is raised once (a dedup key).
/// Called by <see cref="DeadlineWatchHost"/> on a schedule, and directly by tests.
/// </summary>
/// <remarks>
/// Two rounds may run at the same moment (two instances of the application, or the scheduled round beside a direct
/// one). Both then see a notice missing and raise it; the unique dedup key lets the first save win, and the other round
/// looks again and raises only what is still missing.
/// </remarks>
public sealed class DeadlineWatch(IndgangDbContext db, TimeProvider clock)
{
    public const int DueSoonDays = 3;

    private const int Attempts = 5;

    /// <summary>Raises the notices not raised yet; returns how many this round raised.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; attempt < Attempts; attempt++)
        {
            var raised = await AddMissingAsync(cancellationToken);
            if (await db.SaveUnlessSavedByOtherAsync(cancellationToken))
            {
                return raised;
            }

            db.ChangeTracker.Clear();
        }

        // The last attempt saves plainly: a round that loses this often fails loudly and the host tries again later.
        var lastRaised = await AddMissingAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return lastRaised;
    }

    private async Task<int> AddMissingAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var horizon = today.AddDays(DueSoonDays);
        var open = await (
            from t in db.Tasks.AsNoTracking().StillOpen()
            join h in db.Households.AsNoTracking() on t.HouseholdId equals h.Id
            where t.DueDate <= horizon
            select new { t.Id, t.Title, t.DueDate, t.DepartmentId, h.Name, HouseholdId = h.Id, h.CoordinatorUserId })
            .ToListAsync(cancellationToken);
        var keys = open.SelectMany(t => new[] { $"due-soon:{t.Id}", $"overdue:{t.Id}" }).ToList();
        var existing = (await db.Notifications.AsNoTracking().Where(n => n.DedupKey != null && keys.Contains(n.DedupKey)).Select(n => n.DedupKey!).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        var raised = 0;
        foreach (var task in open)
        {
            var overdue = task.DueDate < today;
            var key = overdue ? $"overdue:{task.Id}" : $"due-soon:{task.Id}";
            if (existing.Contains(key))
            {
                continue;
            }

            db.Notifications.Add(overdue
                ? new Notification(task.CoordinatorUserId, null, $"Overskredet: {task.Title} ({task.Name})", $"/Households/{task.HouseholdId}#tasks", now) { DedupKey = key }
                : new Notification(null, task.DepartmentId, $"Snart frist: {task.Title} ({task.Name})", "/Tasks", now) { DedupKey = key });
            raised++;
        }

        return raised;
    }
}
