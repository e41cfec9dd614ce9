using Indgang.Domain.Audit;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Features.People;
using Indgang.Web.Identity;
using Indgang.Web.Platform.Forms;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Households;

/// <summary>Hands the household to another coordinator (REC-3); the change is logged.</summary>
public sealed class ReassignModel(PersonDirectory directory, IndgangDbContext db, UserManager<IndgangUser> users, AuditLog audit) : CaseOwnerPage(directory)
{
    [BindProperty]
    public string? CoordinatorUserId { get; set; }

    /// <summary>The household's version when the form was opened (optimistic concurrency); not a Guid counts as stale.</summary>
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
        Version = Household.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
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

        var household = await db.Households.FirstAsync(h => h.Id == id);
        var previous = household.CoordinatorUserId;
        // Saved only over the household as the form showed it: a coordinator chosen by someone else since is not
        // silently replaced (before, the last of two saves won).
        db.Entry(household).Property(h => h.Version).OriginalValue = Version ?? Guid.Empty;
        household.ReassignCoordinator(CoordinatorUserId!);
        if (!await db.SaveUnlessSavedByOtherAsync())
        {
            return await SavedByOtherAsync(household);
        }

        await audit.RecordAsync(AuditAction.CoordinatorReassigned, null, "Skift af koordinator", AuditLog.Household(id, $": {previous} → {CoordinatorUserId}"));
        return Redirect($"/Households/{id}");
    }

    /// <summary>
    /// Someone else changed the household since the form was opened: the coordinator saved now is shown beside the field
    /// (when it is not the one chosen here), and the form gets the household's version, so that pressing the button again
    /// saves this choice over it.
    /// </summary>
    private async Task<IActionResult> SavedByOtherAsync(Domain.People.Household household)
    {
        var exists = await db.ReloadSavedAsync(household);
        db.ChangeTracker.Clear();
        if (!exists)
        {
            this.ShowDeletedByOther(nameof(Version), "Husstanden er slettet af en anden, mens du skiftede koordinator. Intet er gemt.");
            Version = null;
            return Page();
        }

        Version = this.ShowSavedByOther(nameof(Version), household.Version,
            "Husstanden er ændret af en anden, mens du skiftede koordinator. Den koordinator, der er gemt nu, står ved feltet, hvis det ikke er den, du har valgt. Tryk »Skift koordinator« igen for at gemme dit valg.",
            saved => saved.Field(nameof(CoordinatorUserId), CoordinatorUserId, household.CoordinatorUserId));
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        if (await LoadHouseholdAsync(id, "Skift af koordinator") is { } refused)
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
