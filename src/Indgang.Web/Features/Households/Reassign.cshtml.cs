using Indgang.Domain.Audit;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Features.People;
using Indgang.Web.Identity;
using Indgang.Web.Platform.Forms;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Households;

/// <summary>Hands the household to another coordinator (REC-3), with its notices to the coordinator; the change is logged.</summary>
public sealed class ReassignModel(PersonDirectory directory, IndgangDbContext db, UserManager<IndgangUser> users, AuditLog audit) : CaseOwnerPage(directory)
{
    [BindProperty]
    public string? CoordinatorUserId { get; set; }

    /// <summary>
    /// The version of the coordinator the form showed (<see cref="ShownVersion"/>): a change by someone else to anything
    /// else of the household (a member added, the arrival moved) does not stop the save. Not a Guid counts as stale.
    /// </summary>
    [BindProperty]
    public Guid? Version { get; set; }

    public List<SelectListItem> Coordinators { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }

        CoordinatorUserId = Household.CoordinatorUserId;
        Version = Shown(Household);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(Guid id) =>
        db.UntilAnsweredAsync(() => TryReassignAsync(id), async () => await LoadAsync(id) ?? SavedByOther(Household));

    /// <summary>The coordinator saved and logged, or what to show instead; null when the save was refused and may be tried again.</summary>
    private async Task<IActionResult?> TryReassignAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }

        ModelState.Remove(nameof(Version));
        if (Coordinators.All(c => c.Value != CoordinatorUserId))
        {
            ModelState.AddModelError(nameof(CoordinatorUserId), "Vælg en koordinator fra listen.");
            return Page();
        }

        // A coordinator chosen by someone else since the form was opened is not silently replaced; the same one as
        // chosen here (a double click, say) is simply taken as saved.
        if (Shown(Household) != Version)
        {
            return Household.CoordinatorUserId == CoordinatorUserId ? Redirect($"/Households/{id}") : SavedByOther(Household);
        }

        // Saved over the household as just read, when the coordinator was compared: a change by another since then
        // refuses the save, and the household is read again (a coordinator chosen by them then shows as above).
        if (await db.Households.FirstOrDefaultAsync(h => h.Id == id) is not { } household)
        {
            return NotFound();
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Entry(household).Property(h => h.Version).OriginalValue = Household.Version;
        var previous = household.CoordinatorUserId;
        household.ReassignCoordinator(CoordinatorUserId!);
        if (!await db.SaveUnlessSavedByOtherAsync())
        {
            return null;
        }

        // The household's notices to its coordinator (an overdue task, an offer to answer) are the new coordinator's to act
        // on; the one who handed it on no longer sees the household's name in their list.
        await db.Notifications.Where(n => n.HouseholdId == id && n.RecipientUserId == previous)
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.RecipientUserId, CoordinatorUserId));
        await transaction.CommitAsync();

        await audit.RecordAsync(AuditAction.CoordinatorReassigned, null, AuditPurpose.CoordinatorChange, AuditLog.Household(id, $": {Household.CoordinatorUserId} → {CoordinatorUserId}"));
        return Redirect($"/Households/{id}");
    }

    private static Guid Shown(Domain.People.Household household) => ShownVersion.Of(new { household.CoordinatorUserId });

    /// <summary>
    /// Someone else chose a coordinator since the form was opened: the one saved now is shown beside the field (when it
    /// is not the one chosen here), and the form gets its version, so that pressing the button again saves this choice
    /// over it.
    /// </summary>
    private PageResult SavedByOther(Domain.People.Household saved)
    {
        Version = this.ShowSavedByOther(nameof(Version), Shown(saved),
            "Husstanden er ændret af en anden, mens du skiftede koordinator. Den koordinator, der er gemt nu, står ved feltet, hvis det ikke er den, du har valgt. Tryk »Skift koordinator« igen for at gemme dit valg.",
            values => values.Field(nameof(CoordinatorUserId), CoordinatorUserId, saved.CoordinatorUserId));
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        if (await LoadHouseholdAsync(id, AuditPurpose.CoordinatorChange) is { } refused)
        {
            return refused;
        }

        Coordinators = (await users.GetUsersInRoleAsync(Roles.Coordinator))
            .OrderBy(u => u.DisplayName)
            .Select(u => new SelectListItem(u.DisplayName, u.Id))
            .ToList();
        return null;
    }
}
