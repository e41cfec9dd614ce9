using Indgang.Domain.Audit;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Features.People;
using Indgang.Web.Identity;
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

    public List<SelectListItem> Coordinators { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }

        CoordinatorUserId = Household.CoordinatorUserId;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }

        if (Coordinators.All(c => c.Value != CoordinatorUserId))
        {
            ModelState.AddModelError(nameof(CoordinatorUserId), "Vælg en koordinator fra listen.");
            return Page();
        }

        var household = await db.Households.FirstAsync(h => h.Id == id);
        var previous = household.CoordinatorUserId;
        household.ReassignCoordinator(CoordinatorUserId!);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone changed the household (its arrival, say) between the read and the save: nothing is saved.
            ModelState.AddModelError(nameof(CoordinatorUserId), "Husstanden er lige blevet ændret af en anden. Prøv igen.");
            return Page();
        }

        await audit.RecordAsync(AuditAction.CoordinatorReassigned, null, "Skift af koordinator", AuditLog.Household(id, $": {previous} → {CoordinatorUserId}"));
        return Redirect($"/Households/{id}");
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
