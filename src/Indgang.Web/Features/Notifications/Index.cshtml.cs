using System.Security.Claims;
using Indgang.Domain.Notifications;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Notifications;

/// <summary>
/// The signed-in user's notices, newest first: their own, and their department's if they work its task list (a
/// department's notices are about its tasks and link to them). A notice names its household, so the households of the
/// notices shown are recorded as read.
/// </summary>
public sealed class IndexModel(IndgangDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Notification> Items { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Items = await ForAsync(db, User, clock.GetUtcNow().AddDays(-30)).Take(100).ToListAsync();
        await audit.RecordReadsAsync("Notifikationer", households: Items.Select(n => n.HouseholdId).OfType<Guid>(), cancellationToken: HttpContext.RequestAborted);
    }

    public static IQueryable<Notification> ForAsync(IndgangDbContext db, ClaimsPrincipal user, DateTimeOffset since)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var department = PersonAccess.TaskDepartmentOf(user);
        return db.Notifications.AsNoTracking()
            .Where(n => n.CreatedAt >= since && (n.RecipientUserId == userId || (department != null && n.DepartmentId == department)))
            .OrderByDescending(n => n.CreatedAt);
    }
}
