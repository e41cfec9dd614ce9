using System.Security.Claims;
using Indgang.Domain.Audit;
using Indgang.Domain.Tasks;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Tasks;

/// <summary>The department's work queue: take, complete, or close as not needed with a reason (TASK-1).</summary>
public sealed class IndexModel(DepartmentWorkList queue, IndgangDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    public IReadOnlyList<QueueItem> Items { get; private set; } = [];
    public string DepartmentName { get; private set; } = "";
    public string? Message { get; private set; }
    public DateOnly Today { get; private set; }

    [BindProperty]
    public Guid TaskId { get; set; }

    [BindProperty]
    public Guid Version { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostTakeAsync() =>
        ActAsync(AuditAction.TaskTaken, (task, userId) => task.Take(userId), "Opgaven er taget.");

    public Task<IActionResult> OnPostCompleteAsync() =>
        ActAsync(AuditAction.TaskCompleted, (task, userId) => task.Complete(userId, clock.GetUtcNow()), "Opgaven er markeret som udført.");

    public async Task<IActionResult> OnPostNotNeededAsync()
    {
        if (string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError($"Reason-{TaskId}", "Skriv hvorfor opgaven ikke er nødvendig.");
            return await LoadAsync();
        }

        return await ActAsync(AuditAction.TaskClosedAsNotNeeded, (task, userId) => task.CloseAsNotNeeded(userId, Reason, clock.GetUtcNow()), "Opgaven er lukket som ikke nødvendig.");
    }

    private async Task<IActionResult> ActAsync(AuditAction action, Action<CaseTask, string> change, string done)
    {
        var department = PersonAccess.DepartmentOf(User);
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == TaskId && t.DepartmentId == department);
        if (task is null)
        {
            return NotFound();
        }

        if (task.Version != Version || task.IsClosed)
        {
            Message = "Opgaven er lige blevet ændret af en anden. Se den nye status nedenfor, og prøv igen.";
            return await LoadAsync();
        }

        // The version the user saw is what the update must still find; otherwise someone came first.
        db.Entry(task).Property(t => t.Version).OriginalValue = Version;
        change(task, User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            Message = "Opgaven er lige blevet ændret af en anden. Se den nye status nedenfor, og prøv igen.";
            return await LoadAsync();
        }

        await audit.RecordAsync(action, task.PersonId, "Opgaveløsning", $"{task.Type}: {task.Title}");
        Message = done;
        return await LoadAsync();
    }

    private async Task<IActionResult> LoadAsync()
    {
        if (PersonAccess.DepartmentOf(User) is not { } department)
        {
            return Forbid();
        }

        Today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        DepartmentName = await db.Departments.Where(d => d.Id == department).Select(d => d.Name).FirstAsync();
        Items = await queue.OpenForDepartmentAsync(department);
        await audit.RecordEachAsync(AuditAction.PersonRead, Items.Select(i => i.PersonId).OfType<Guid>().Distinct().Select(p => ((Guid?)p, (string?)null)),
            "Opgavekø: visning af opgaver");

        return Page();
    }
}
