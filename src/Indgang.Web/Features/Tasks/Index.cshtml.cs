using System.Globalization;
using System.Security.Claims;
using Indgang.Domain.Audit;
using Indgang.Domain.Tasks;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Identity;
using Indgang.Web.Platform;
using Indgang.Web.Platform.Forms;
using Indgang.Web.Platform.Paging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Features.Tasks;

/// <summary>
/// The department's work queue: take, put back, complete, or close as not needed with a reason (TASK-1); a page of 25 tasks at a
/// time, all of them or the worker's own, the free or the overdue ones, found by the household's name, or those of one
/// household (by its id, as a department's notice links to them). The card's forms post the filter and page back, so that
/// the worker stays where they were.
/// </summary>
public sealed class IndexModel(DepartmentWorkList queue, IndgangDbContext db, PersonAccess access, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> T) : PageModel
{
    public IReadOnlyList<QueueItem> Items { get; private set; } = [];
    public QueueFilter Filter { get; private set; } = new(QueueView.All, null);
    public Pagination Pages { get; private set; } = Pagination.Of(null, DepartmentWorkList.PageSize, 0);
    public QueueCounts Counts { get; private set; } = QueueCounts.None;
    public string DepartmentName { get; private set; } = "";
    public string? Message { get; private set; }
    public DateOnly Today { get; private set; }

    [BindProperty]
    public Guid TaskId { get; set; }

    [BindProperty]
    public Guid Version { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>The version of the task the worker has just closed, as the message's »Fortryd« posts it back.</summary>
    [BindProperty]
    public Guid ClosedVersion { get; set; }

    /// <summary>
    /// The task the worker has just completed or closed as not needed, and its version then: the message offers to undo
    /// it (a click on the wrong card), as long as no one has changed it since.
    /// </summary>
    public ClosedTask? JustClosed { get; private set; }

    /// <summary>The due date the card showed; told when another has moved it since.</summary>
    [BindProperty]
    public DateOnly? ShownDueDate { get; set; }

    /// <summary>The view asked for ("alle", "mine", "ledige", "overskredne"), in the address or the card's form.</summary>
    [BindProperty(SupportsGet = true, Name = "Vis")]
    public string? RequestedView { get; set; }

    [BindProperty(SupportsGet = true, Name = "Soeg")]
    public string? RequestedSearch { get; set; }

    /// <summary>Why the search is not kept ("cpr": it held a CPR number), after the page has taken it out of the address.</summary>
    [BindProperty(SupportsGet = true, Name = "SoegFejl")]
    public string? SearchError { get; set; }

    /// <summary>
    /// The one household whose tasks are asked for, by its id ("Husstand": a department's notice links so, never by the
    /// household's name, which would stand in logs and the browser's history). Read as text: one that is no id is no filter.
    /// </summary>
    [BindProperty(SupportsGet = true, Name = "Husstand")]
    public string? RequestedHousehold { get; set; }

    /// <summary>
    /// The name of the household the list is filtered on, shown in the filter; null without one, or when the user may not
    /// see that household (need-to-know: <see cref="PersonAccess.CanReadHouseholdAsync"/>), whose id then shows no tasks
    /// and no name.
    /// </summary>
    public string? FilteredHouseholdName { get; private set; }

    /// <summary>Read as text: a page that is no number, or none there is, shows the nearest (no error).</summary>
    [BindProperty(SupportsGet = true, Name = "Side")]
    public string? RequestedPage { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (Dashboard.HouseholdSearch.HoldsCpr(RequestedSearch))
        {
            // Out of the address (browser history, logs) at once, the list unsearched in the same view and told why.
            return Redirect(QueryHelpers.AddQueryString("/Tasks", new Dictionary<string, string?>
            {
                ["Vis"] = QueueViews.Read(RequestedView) == QueueView.All ? null : QueueViews.Value(QueueViews.Read(RequestedView)),
                ["SoegFejl"] = Dashboard.HouseholdSearch.CprRefusal,
                ["Husstand"] = QueueFilter.Read(null, null, null, RequestedHousehold).Household?.ToString(),
            }.Where(p => p.Value is not null)));
        }

        return await LoadAsync();
    }

    public Task<IActionResult> OnPostTakeAsync() =>
        ActAsync(AuditAction.TaskTaken, (task, userId) => task.Take(userId), "Opgaven er taget.");

    public Task<IActionResult> OnPostCompleteAsync() =>
        ActAsync(AuditAction.TaskCompleted, (task, userId) => task.Complete(userId, clock.GetUtcNow()), "Opgaven er markeret som udført.");

    public async Task<IActionResult> OnPostNotNeededAsync()
    {
        if (ModelState.MoveToRow(nameof(Reason), $"Reason-{TaskId}"))
        {
            return await LoadAsync();
        }

        if (string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError($"Reason-{TaskId}", "Skriv hvorfor opgaven ikke er nødvendig.");
            return await LoadAsync();
        }

        if (Reason.Trim().Length > CaseTask.NotNeededReasonLength)
        {
            ModelState.AddModelError($"Reason-{TaskId}", T["Begrundelsen må højst være {0:N0} tegn.", CaseTask.NotNeededReasonLength].Value);
            return await LoadAsync();
        }

        return await ActAsync(AuditAction.TaskClosedAsNotNeeded, (task, userId) => task.CloseAsNotNeeded(userId, Reason, clock.GetUtcNow()), "Opgaven er lukket som ikke nødvendig.");
    }

    /// <summary>
    /// Puts a taken task back (»Læg tilbage«), open and free for the department: the one who has it (taken by mistake) or
    /// a colleague of the same department (the one who has it is away); the audit log says who put it back.
    /// </summary>
    public Task<IActionResult> OnPostReleaseAsync() =>
        ActAsync(AuditAction.TaskReleased, (task, _) => task.Release(), "Opgaven er lagt tilbage og er åben for afdelingen.");

    /// <summary>
    /// Opens again a task this worker has just closed (<see cref="JustClosed"/>), if it is still as they left it: closed by
    /// them, and changed by no one since (<see cref="ClosedVersion"/>).
    /// </summary>
    public Task<IActionResult> OnPostUndoAsync() =>
        SaveTaskAsync(
            AuditAction.TaskReopened,
            (task, userId) => Task.FromResult(
                !task.IsClosed || task.ClosedByUserId != userId || task.Version != ClosedVersion
                    ? (task.IsClosed
                        ? T["Opgaven er ændret, siden du lukkede den, og kan ikke åbnes igen her."].Value
                        : T["Opgaven er allerede åben igen."].Value)
                    : null),
            (task, _) => task.Reopen(),
            _ => T["Opgaven er åben igen."].Value);

    /// <summary>
    /// Acts on the task if it is still as the card showed it: its status and who has it (<see cref="QueueItem.Version"/>).
    /// A due date moved by another meanwhile does not matter for taking or completing it: the action is saved, and the
    /// new due date told. Taken, completed or closed by another: the worker is told what and by whom.
    /// </summary>
    private Task<IActionResult> ActAsync(AuditAction action, Action<CaseTask, string> change, string done) =>
        SaveTaskAsync(
            action,
            async (task, userId) => AlreadyAsAsked(action, task, userId)
                ? T[done].Value
                : QueueItem.Shown(task.Status, task.AssigneeUserId) != Version || task.IsClosed
                    ? await ChangedByOtherAsync(task)
                    : null,
            change,
            task =>
            {
                JustClosed = task.IsClosed ? new ClosedTask(task.Id, task.Version, T.TaskTitle(task.Type, task.Title)) : null;
                return ShownDueDate is { } shown && shown != task.DueDate
                    ? $"{T[done].Value} {T["Fristen er flyttet til {0:d. MMMM yyyy}, efter du åbnede siden.", task.DueDate].Value}"
                    : T[done].Value;
            });

    /// <summary>
    /// The task is already as the action leaves it (the button pressed twice, or a colleague did the same): taken by this
    /// worker, or put back and free. Nothing is saved, and the worker is told it is done.
    /// </summary>
    private static bool AlreadyAsAsked(AuditAction action, CaseTask task, string userId) => action switch
    {
        AuditAction.TaskTaken => task.Status == CaseTaskStatus.Taken && task.AssigneeUserId == userId,
        AuditAction.TaskReleased => task.Status == CaseTaskStatus.Open,
        _ => false,
    };

    /// <summary>
    /// Changes this department's task by <paramref name="change"/>, audited as <paramref name="action"/>, unless
    /// <paramref name="refused"/> says why not (the task is no longer as the card showed it); <paramref name="done"/> says
    /// what was done. Saved over the task as just read: a change by another since (at this very moment) refuses the save,
    /// and the task is read and asked again.
    /// </summary>
    private Task<IActionResult> SaveTaskAsync(
        AuditAction action, Func<CaseTask, string, Task<string?>> refused, Action<CaseTask, string> change, Func<CaseTask, string> done)
    {
        var department = PersonAccess.DepartmentOf(User);
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        return db.UntilAnsweredAsync<IActionResult>(
            async () =>
            {
                var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == TaskId && t.DepartmentId == department);
                if (task is null)
                {
                    return NotFound();
                }

                if (await refused(task, userId) is { } refusal)
                {
                    Message = refusal;
                    return await LoadAsync();
                }

                change(task, userId);
                if (!await db.SaveUnlessSavedByOtherAsync())
                {
                    return null;
                }

                var (subject, details) = TaskAudit.Of(task);
                await audit.RecordAsync(action, subject, AuditPurpose.TaskWork, details);
                Message = done(task);
                return await LoadAsync();
            },
            async () =>
            {
                Message = T["Opgaven er lige blevet ændret af en anden. Se den nye status nedenfor, og prøv igen."].Value;
                return await LoadAsync();
            });
    }

    /// <summary>What another did to the task since the card was shown, and who.</summary>
    private async Task<string> ChangedByOtherAsync(CaseTask task)
    {
        var by = task.IsClosed ? task.ClosedByUserId : task.AssigneeUserId;
        var name = await db.Users.Where(u => u.Id == by).Select(u => u.DisplayName).FirstOrDefaultAsync() ?? T["en anden"].Value;
        return task.Status switch
        {
            CaseTaskStatus.Taken => T["Opgaven er lige blevet taget af {0}. Se den nye status nedenfor.", name].Value,
            CaseTaskStatus.Done => T["Opgaven er lige blevet markeret som udført af {0}.", name].Value,
            CaseTaskStatus.NotNeeded => T["Opgaven er lige blevet lukket som ikke nødvendig af {0}.", name].Value,
            _ => T["Opgaven er lige blevet ændret af en anden. Se den nye status nedenfor, og prøv igen."].Value,
        };
    }

    private async Task<IActionResult> LoadAsync()
    {
        if (PersonAccess.DepartmentOf(User) is not { } department)
        {
            return Forbid();
        }

        Today = clock.Today();
        DepartmentName = await db.Departments.Where(d => d.Id == department).Select(d => d.Name).FirstAsync();
        Filter = QueueFilter.Read(RequestedView, RequestedSearch, SearchError, RequestedHousehold);
        var shown = await queue.PageAsync(department, User.FindFirstValue(ClaimTypes.NameIdentifier)!, Filter, RequestedPage, Today);
        (Items, Pages, Counts) = (shown.Items, shown.Pages, shown.Counts);
        FilteredHouseholdName = Filter.Household is { } filtered && await access.CanReadHouseholdAsync(User, filtered)
            ? await db.Households.Where(h => h.Id == filtered).Select(h => h.Name).FirstOrDefaultAsync()
            : null;

        // Need-to-know: only the persons on the page shown are read; a task for the whole household (its lease, its move)
        // shows the household's name and home, so the household is read, as is the household the filter names.
        await audit.RecordReadsAsync(AuditPurpose.TaskList,
            persons: Items.Select(i => i.PersonId).OfType<Guid>(),
            households: Items.Where(i => i.PersonId is null).Select(i => i.HouseholdId)
                .Concat(FilteredHouseholdName is null ? [] : [Filter.Household!.Value]));

        return Page();
    }

    /// <summary>
    /// The reason typed on this card when closing it was refused (no reason, too long a reason, or the task changed by
    /// another meanwhile), kept in its field so that the worker can press again without typing it anew; null otherwise.
    /// </summary>
    public string? TypedReason(Guid taskId) => taskId == TaskId && !string.IsNullOrEmpty(Reason) ? Reason : null;

    /// <summary>The address of a page of the list as it is filtered now.</summary>
    public string AddressOf(int page) => Address(Filter.Household, page);

    /// <summary>The list as it is filtered now but for the household, from its first page: the household filter cleared.</summary>
    public string AddressWithoutHousehold() => Address(household: null, page: null);

    private string Address(Guid? household, int? page) => QueryHelpers.AddQueryString("/Tasks", new Dictionary<string, string?>
    {
        ["Vis"] = Filter.View == QueueView.All ? null : QueueViews.Value(Filter.View),
        ["Soeg"] = Filter.Search,
        ["Husstand"] = household?.ToString(),
        ["Side"] = page?.ToString(CultureInfo.InvariantCulture),
    }.Where(p => p.Value is not null));
}

/// <summary>A task just closed on the work list, with its version then and its title as shown.</summary>
public sealed record ClosedTask(Guid TaskId, Guid Version, string Title);
