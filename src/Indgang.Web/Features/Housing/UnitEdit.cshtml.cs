using Indgang.Domain.Audit;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Housing;

/// <summary>Creates a unit (no id) or edits one, including blocking it with a reason (HOUSE-1).</summary>
public sealed class UnitEditModel(IndgangDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    [BindProperty]
    public UnitInput Input { get; set; } = new();

    [BindProperty]
    public Guid? Version { get; set; }

    public List<SelectListItem> Sites { get; private set; } = [];
    public bool IsNew { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id)
    {
        await LoadSitesAsync();
        IsNew = id is null;
        if (id is null)
        {
            Input.AvailableFrom = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
            return Page();
        }

        var unit = await db.HousingUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id);
        if (unit is null)
        {
            return NotFound();
        }

        Input = UnitInput.From(unit);
        Version = unit.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id)
    {
        await LoadSitesAsync();
        IsNew = id is null;
        // Every mistake at once: the unit's own checks too, for the fields whose typed value could be read.
        var siteIds = await db.HousingSites.Select(s => s.Id).ToListAsync();
        foreach (var (field, message) in Input.Validate(siteIds))
        {
            if (ModelState.GetFieldValidationState($"Input.{field}") != ModelValidationState.Invalid)
            {
                ModelState.AddModelError($"Input.{field}", message);
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var unit = id is null ? db.HousingUnits.Add(Input.ToUnit()).Entity : await db.HousingUnits.FirstOrDefaultAsync(u => u.Id == id);
        if (unit is null)
        {
            return NotFound();
        }

        if (id is not null)
        {
            if (Input.Beds < unit.OccupiedBeds)
            {
                ModelState.AddModelError("Input.Beds", $"Der bor {unit.OccupiedBeds} personer i boligen nu; der kan ikke være færre senge.");
                return Page();
            }

            // Whole unit or shared room decides who may live there together: not to be changed over the residents' heads.
            if (Input.IsSharedRoom != unit.IsSharedRoom && unit.OccupyingHouseholds > 0)
            {
                ModelState.AddModelError("Input.IsSharedRoom", "Der bor nogen i boligen. Om den er et delt værelse, kan først ændres, når de er flyttet.");
                return Page();
            }

            db.Entry(unit).Property(u => u.Version).OriginalValue = Version ?? Guid.Empty;
            Input.ApplyTo(unit);
        }

        if (await db.HousingUnits.AnyAsync(u => u.SiteId == unit.SiteId && u.Label == unit.Label && u.Id != unit.Id))
        {
            ModelState.AddModelError("Input.Label", "Der findes allerede en bolig med den betegnelse på stedet.");
            db.ChangeTracker.Clear();
            return Page();
        }

        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "Boligen er ændret af en anden, siden du åbnede den. Dine ændringer er ikke gemt, men står stadig herunder.");
            return Page();
        }

        await audit.RecordAsync(AuditAction.HousingUnitChanged, null, "Boligmassen", $"{unit.Id:D} {unit.Label}");
        return Redirect($"/Housing/Units/{unit.Id}");
    }

    private async Task LoadSitesAsync() =>
        Sites = [new("Vælg", ""), .. (await db.HousingSites.AsNoTracking().OrderBy(s => s.Name).ToListAsync()).Select(s => new SelectListItem(s.Name, s.Id.ToString()))];
}
