using System.Security.Claims;
using Indgang.Domain.Notifications;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Notifications;

/// <summary>
/// The signed-in user's notices of the last <see cref="ShownDays"/> days, newest first: their own, and their department's if
/// they work its task list (a department's notices are about its tasks and link to them). Those that came since the user
/// last opened the page are marked new (the menu counts them); opening it marks them read. A notice names its household,
/// so the households of the notices shown are recorded as read.
/// </summary>
public sealed class IndexModel(IndgangDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    /// <summary>How far back the page lists notices, and the menu counts unread ones.</summary>
    public const int ShownDays = 30;

    public IReadOnlyList<Notification> Items { get; private set; } = [];

    /// <summary>When the user had last opened the page before now; the notices after it are new.</summary>
    public DateTimeOffset? SeenBefore { get; private set; }

    public async Task OnGetAsync()
    {
        var now = clock.GetUtcNow();
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        SeenBefore = await db.Users.Where(u => u.Id == userId).Select(u => u.NotificationsSeenAt).FirstOrDefaultAsync();
        Items = await ForAsync(db, User, now.AddDays(-ShownDays)).Take(100).ToListAsync();
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.NotificationsSeenAt, now), HttpContext.RequestAborted);
        await audit.RecordReadsAsync(AuditPurpose.Notifications, households: Items.Select(n => n.HouseholdId).OfType<Guid>(), cancellationToken: HttpContext.RequestAborted);
    }

    /// <summary>
    /// Where the notice leads: a department's notice about a household's tasks to the task list filtered on that household
    /// by its id ("Husstand"), so that its tasks are found among the department's others (on any page), and every other
    /// notice to its own link. Never by the household's name: the address reaches proxy logs, the browser's history and the
    /// request log, and a one-person household's name is a person's full name.
    /// </summary>
    public static string LinkOf(Notification notice) =>
        notice is { Link: TaskList, HouseholdId: { } household }
            ? QueryHelpers.AddQueryString(TaskList, "Husstand", household.ToString())
            : notice?.Link ?? "/";

    private const string TaskList = "/Tasks";

    public bool IsNew(Notification notice) => SeenBefore is not { } seen || notice?.CreatedAt > seen;

    /// <summary>The notices for the user since <paramref name="since"/>, newest first.</summary>
    public static IQueryable<Notification> ForAsync(IndgangDbContext db, ClaimsPrincipal user, DateTimeOffset since)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var department = PersonAccess.TaskDepartmentOf(user);
        return db.Notifications.AsNoTracking()
            .Where(n => n.CreatedAt > since && (n.RecipientUserId == userId || (department != null && n.DepartmentId == department)))
            .OrderByDescending(n => n.CreatedAt);
    }

    /// <summary>
    /// How many of the user's notices came since they last opened the page (<see cref="IndgangUser.NotificationsSeenAt"/>),
    /// within the days it lists.
    /// </summary>
    public static Task<int> UnreadAsync(IndgangDbContext db, ClaimsPrincipal user, DateTimeOffset? seenAt, DateTimeOffset now)
    {
        var listedFrom = now.AddDays(-ShownDays);
        return ForAsync(db, user, seenAt > listedFrom ? seenAt.Value : listedFrom).CountAsync();
    }
}
