using Indgang.Domain.People;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Features.People;
using Indgang.Web.Features.Reception;
using Indgang.Web.Features.Tasks;
using Indgang.Web.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Indgang.Web.Features.Households;

/// <summary>
/// Base for the coordinator's pages about one household: loads it through the audited directory
/// and refuses anyone who does not own cases.
/// </summary>
public abstract class CaseOwnerPage(PersonDirectory directory) : PageModel
{
    public Household Household { get; private set; } = null!;

    /// <summary>
    /// The household, audited as read, and of its members only <paramref name="memberShown"/> (a page about one member:
    /// their contract, day 0 or a deadline); a page that names the household alone reads no member.
    /// </summary>
    protected Task<IActionResult?> LoadHouseholdAsync(Guid id, AuditPurpose purpose, Guid? memberShown = null) =>
        LoadHouseholdAsync(id, purpose, _ => memberShown is { } member ? [member] : []);

    /// <summary>The household, audited as read, and of its members those <paramref name="membersShown"/> gives.</summary>
    protected async Task<IActionResult?> LoadHouseholdAsync(Guid id, AuditPurpose purpose, Func<Household, IEnumerable<Guid>> membersShown)
    {
        if (!PersonAccess.IsCaseOwnerRole(User))
        {
            return Forbid();
        }

        var read = await directory.ReadHouseholdAsync(User, id, purpose, membersShown);
        switch (read.Outcome)
        {
            case PersonLookup.NotFound:
                return NotFound();
            case PersonLookup.Forbidden:
                return Forbid();
        }

        Household = read.Household!;
        return null;
    }

    /// <summary>
    /// The household's change (its arrival, its visitation decision) saved with the open checklist tasks it moved: a task
    /// its department takes at the same moment still moves, unless the department gave it another date. Then
    /// <paramref name="saved"/> answers (logs and leads on). Null when another changed the household meanwhile (it is read
    /// and compared again); the page with the summary's message when a task could not be saved over.
    /// </summary>
    protected async Task<IActionResult?> SaveWithMovedTasksAsync(IndgangDbContext db, IReadOnlyList<RescheduledTask> moved, Func<Task<IActionResult>> saved)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(saved);
        if (await db.SaveOverTaskChangesAsync(ChecklistRescheduler.Again(moved), HttpContext.RequestAborted) is not { } conflict)
        {
            return await saved();
        }

        if (conflict.Entries.Any(e => e.Entity is Household))
        {
            return null;
        }

        ModelState.AddModelError("", "Husstandens opgaver er lige blevet ændret af en anden. Prøv igen.");
        return Page();
    }

    /// <summary>A date as the log writes it (ISO), or "–" for none.</summary>
    protected static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "–";
}
