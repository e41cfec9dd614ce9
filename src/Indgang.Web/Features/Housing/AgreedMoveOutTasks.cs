using System.Security.Claims;
using Indgang.Domain.Housing;
using Indgang.Domain.Notifications;
using Indgang.Domain.Tasks;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Housing;

/// <summary>
/// The tasks of an agreed move out (lease, keys, inspection; <see cref="CaseTask.OccupancyId"/>) follow it: to its new day
/// when it moves, closed as not needed when it is called off. Those done already stay done. Each department whose task
/// changed is told. Saved with the caller's changes.
/// </summary>
public sealed class AgreedMoveOutTasks(IndgangDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    public const string CalledOffReason = "Fraflytningen er aflyst.";

    public async Task MovedAsync(Occupancy stay, DateOnly newDay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stay);
        var open = await OpenAsync(stay, cancellationToken);
        open.ForEach(t => Change(t, newDay));
        await TellAsync(stay, open, $"Fraflytningen er flyttet til {Platform.DanishDates.Written(newDay)}", cancellationToken);
    }

    public async Task CalledOffAsync(Occupancy stay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stay);
        var open = await OpenAsync(stay, cancellationToken);
        open.ForEach(t => Change(t, null));
        await TellAsync(stay, open, "Fraflytningen er aflyst; opgaverne er lukket", cancellationToken);
    }

    /// <summary>One task of the move out given the change: to <paramref name="newDay"/>, or closed when null.</summary>
    public void Change(CaseTask task, DateOnly? newDay)
    {
        if (newDay is { } day)
        {
            task.Reschedule(day);
        }
        else
        {
            task.CloseAsNotNeeded(http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? AuditLog.SystemActor, CalledOffReason, clock.GetUtcNow());
        }
    }

    private Task<List<CaseTask>> OpenAsync(Occupancy stay, CancellationToken cancellationToken) =>
        db.Tasks.StillOpen().Where(t => t.HouseholdId == stay.HouseholdId && t.OccupancyId == stay.Id).ToListAsync(cancellationToken);

    private async Task TellAsync(Occupancy stay, List<CaseTask> changed, string what, CancellationToken cancellationToken)
    {
        if (changed.Count == 0)
        {
            return;
        }

        var household = await db.Households.Where(h => h.Id == stay.HouseholdId).Select(h => h.Name).FirstAsync(cancellationToken);
        foreach (var department in changed.Select(t => t.DepartmentId).Distinct())
        {
            db.Notifications.Add(new Notification(null, department, $"{what}: {household}", "/Tasks", clock.GetUtcNow()));
        }
    }
}
