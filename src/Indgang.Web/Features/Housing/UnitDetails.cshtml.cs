using Indgang.Domain.Audit;
using Indgang.Domain.Housing;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Housing;

public sealed record OccupantRow(Occupancy Occupancy, string HouseholdName, int DaysHere);

/// <summary>One unit: its facts, who lives there, and moving a household in or out (HOUSE-2).</summary>
public sealed class UnitDetailsModel(IndgangDbContext db, HousingMoves moves, AuditLog audit, TimeProvider clock) : PageModel
{
    public HousingUnit Unit { get; private set; } = null!;
    public string SiteName { get; private set; } = "";
    public IReadOnlyList<OccupantRow> Occupants { get; private set; } = [];
    public List<SelectListItem> WaitingHouseholds { get; private set; } = [];

    [BindProperty]
    public Guid? HouseholdId { get; set; }

    [BindProperty]
    public DateOnly? MoveInOn { get; set; }

    [BindProperty]
    public Guid? OccupancyId { get; set; }

    [BindProperty]
    public DateOnly? MoveOutOn { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        MoveInOn = Today;
        MoveOutOn = Today;
        return await LoadAsync(id) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostMoveInAsync(Guid id)
    {
        if (HouseholdId is null)
        {
            ModelState.AddModelError(nameof(HouseholdId), "Vælg husstanden, der flytter ind.");
        }

        if (MoveInOn is null)
        {
            ModelState.AddModelError(nameof(MoveInOn), "Angiv indflytningsdatoen.");
        }

        if (ModelState.IsValid && await moves.MoveInAsync(id, HouseholdId!.Value, MoveInOn!.Value) is { Succeeded: false } refused)
        {
            ModelState.AddModelError(nameof(HouseholdId), refused.Error!);
        }

        if (!ModelState.IsValid)
        {
            return await LoadAsync(id) ? Page() : NotFound();
        }

        return Redirect($"/Housing/Units/{id}");
    }

    public async Task<IActionResult> OnPostMoveOutAsync(Guid id)
    {
        if (OccupancyId is null || MoveOutOn is null)
        {
            ModelState.AddModelError(nameof(MoveOutOn), "Angiv fraflytningsdatoen.");
        }
        else if (await moves.MoveOutAsync(OccupancyId.Value, MoveOutOn.Value) is { Succeeded: false } refused)
        {
            ModelState.AddModelError(nameof(MoveOutOn), refused.Error!);
        }

        if (!ModelState.IsValid)
        {
            return await LoadAsync(id) ? Page() : NotFound();
        }

        return Redirect($"/Housing/Units/{id}");
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    private async Task<bool> LoadAsync(Guid id)
    {
        var unit = await db.HousingUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id);
        if (unit is null)
        {
            return false;
        }

        Unit = unit;
        SiteName = await db.HousingSites.Where(s => s.Id == unit.SiteId).Select(s => s.Name).FirstAsync();
        var occupants = await (from o in db.Occupancies.AsNoTracking().HomeOn(Today)
                               join h in db.Households.AsNoTracking() on o.HouseholdId equals h.Id
                               where o.UnitId == id
                               select new { o, h.Name }).ToListAsync();
        Occupants = occupants.Select(x => new OccupantRow(x.o, x.Name, x.o.DaysUntil(Today))).ToList();
        // Who lives here, since when and until when: a read of each resident household, audited.
        foreach (var householdId in occupants.Select(x => x.o.HouseholdId).Distinct())
        {
            await audit.RecordAsync(AuditAction.HouseholdRead, null, "Bolig: beboere", $"Husstand {householdId:D}, bolig {unit.Id:D} ({unit.Label})");
        }

        WaitingHouseholds = [new("Vælg", ""), .. (await WaitingForHousing.On(db, Today).AsNoTracking().OrderBy(h => h.Name)
            .Select(h => new { h.Id, h.Name, Size = h.Members.Count }).ToListAsync())
            .Select(h => new SelectListItem($"{h.Name} ({h.Size} pers.)", h.Id.ToString()))];
        return true;
    }
}
