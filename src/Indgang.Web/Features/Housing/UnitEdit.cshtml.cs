using Indgang.Domain.Audit;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Features.Reception;
using Indgang.Web.Platform;
using Indgang.Web.Platform.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Features.Housing;

/// <summary>
/// Creates a unit (no id) or edits one, including blocking it with a reason (HOUSE-1). A save over someone else's is
/// refused: theirs is shown beside the fields, and the user may save again over it (<see cref="EditConflict"/>).
/// </summary>
public sealed class UnitEditModel(IndgangDbContext db, AuditLog audit, TimeProvider clock, ChecklistTaskFactory checklist, IStringLocalizer<SharedResource> T) : PageModel
{
    public const string LabelTaken = "Der findes allerede en bolig med den betegnelse på stedet.";

    /// <summary>
    /// The refusals of an edit that would leave a household still to move in without the unit (<see cref="PlannedMoveInRefusals"/>):
    /// {0} the household's name, {1} its move-in day.
    /// </summary>
    public const string PlannedMoveInVulnerable = "{0} skal flytte ind {1:d. MMMM yyyy}, og en bolig i et udsat boligområde må ikke anvendes (integrationsloven § 12). Fortryd indflytningen på boligens side først, og find en anden bolig til husstanden.";
    public const string PlannedMoveInBlocked = "{0} skal flytte ind {1:d. MMMM yyyy}, og en spærret bolig kan ikke bruges. Fortryd indflytningen på boligens side først, og find en anden bolig til husstanden.";
    public const string PlannedMoveInFreeLater = "{0} skal flytte ind {1:d. MMMM yyyy}; boligen kan ikke først være ledig efter den dag. Angiv den dag eller tidligere, eller fortryd indflytningen på boligens side først.";

    [BindProperty]
    public UnitInput Input { get; set; } = new();

    /// <summary>
    /// The version of the unit's facts the form showed (<see cref="ShownVersion"/>): a move in or out by someone else,
    /// which changes the unit's own version but none of these fields, does not stop the save.
    /// </summary>
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
            Input.AvailableFrom = clock.Today();
            return Page();
        }

        var unit = await db.HousingUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id);
        if (unit is null)
        {
            return NotFound();
        }

        Input = UnitInput.From(unit);
        Version = Shown(unit);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id)
    {
        await LoadSitesAsync();
        IsNew = id is null;
        // Every mistake at once: the unit's own checks too, for the fields whose typed value could be read.
        var siteIds = await db.HousingSites.Select(s => s.Id).ToListAsync();
        foreach (var (field, message) in Input.Validate(siteIds, clock.Today()))
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

        return await db.UntilAnsweredAsync<IActionResult>(
            () => TrySaveAsync(id),
            async () => await db.HousingUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id) is { } saved ? SavedByOther(saved) : DeletedByOther());
    }

    /// <summary>The unit saved and logged, or what to show instead; null when the save was refused and may be tried again.</summary>
    private async Task<IActionResult?> TrySaveAsync(Guid? id)
    {
        var unit = id is null ? db.HousingUnits.Add(Input.ToUnit()).Entity : await db.HousingUnits.FirstOrDefaultAsync(u => u.Id == id);
        List<Guid> relabelled = [];
        if (unit is null)
        {
            // A form with a version was opened on the unit: it has been deleted since.
            return Version is null ? NotFound() : DeletedByOther();
        }

        if (id is not null)
        {
            // Facts saved by someone else since the form was opened are not overwritten.
            if (Shown(unit) != Version)
            {
                return SavedByOther(unit);
            }

            // Checked against the stays, not the unit's bed counts: an agreed move out on a later day frees the beds in
            // the counts at once, while the household still lives there until then.
            var today = clock.Today();
            var stays = await db.Occupancies.AsNoTracking().HomeOn(today).Where(o => o.UnitId == unit.Id).ToListAsync();
            foreach (var (field, message) in ResidentsRefusals(unit, stays, today))
            {
                ModelState.AddModelError($"Input.{field}", message);
            }

            // Nor taken out of use, or free only later, under a household still to move in (the first to come): the move-in
            // would stand in a unit it may not be made in, and the household would wait for a home no one knows it lacks.
            var planned = stays.Where(s => s.MovedInOn > today).MinBy(s => s.MovedInOn);
            var plannedRefusals = planned is null ? [] : PlannedMoveInRefusals(unit, planned.MovedInOn);
            if (planned is not null && plannedRefusals.Count > 0)
            {
                var household = await db.Households.AsNoTracking().Where(h => h.Id == planned.HouseholdId).Select(h => h.Name).FirstAsync();
                foreach (var (field, message) in plannedRefusals)
                {
                    ModelState.AddModelError($"Input.{field}", T[message, household, planned.MovedInOn].Value);
                }

                // The refusal names the household: a read of it, as the unit's page records its residents.
                db.ChangeTracker.Clear();
                await audit.RecordAsync(AuditAction.HouseholdRead, null, AuditPurpose.UnitResidents,
                    AuditLog.Household(planned.HouseholdId, $", bolig {unit.Id:D} ({unit.Label})"));
            }

            // Nor free before the last household that has moved out had gone: a move-in dated back to then would overlap its stay.
            var lastMovedOut = await db.Occupancies.AsNoTracking().Where(o => o.UnitId == unit.Id && o.MovedOutOn <= today).MaxAsync(o => o.MovedOutOn);
            if (!unit.IsSharedRoom && Input.AvailableFrom != unit.AvailableFrom && Input.AvailableFrom < lastMovedOut)
            {
                ModelState.AddModelError($"Input.{nameof(UnitInput.AvailableFrom)}",
                    T["Den seneste beboer flyttede ud {0:d. MMMM yyyy}; boligen kan ikke have været ledig før. Angiv den dag eller senere.", lastMovedOut!.Value].Value);
            }

            if (!ModelState.IsValid)
            {
                return Page();
            }

            // Saved over the unit as read above (its version as read then): a move or an edit by another since
            // refuses the save, and the unit is read again.
            var label = unit.Label;
            Input.ApplyTo(unit);
            // Renamed: the checklist's defects list a first move-in into it closed says why with its label as it is now, in
            // this save, and the undo of that move-in finds it by it. Before, it kept the old label and stayed closed.
            relabelled = await checklist.PermanentUnitRelabelledAsync(unit.Id, label, unit.Label, HttpContext.RequestAborted);
        }

        // One label to a unit on a site, without regard to case, as the import reads them: compared here for every
        // letter, as SQLite's index folds only A–Z.
        var siteLabels = await db.HousingUnits.AsNoTracking().Where(u => u.SiteId == unit.SiteId && u.Id != unit.Id).Select(u => u.Label).ToListAsync();
        if (siteLabels.Contains(unit.Label, StringComparer.OrdinalIgnoreCase))
        {
            ModelState.AddModelError("Input.Label", LabelTaken);
            db.ChangeTracker.Clear();
            return Page();
        }

        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return null;
        }
        catch (DbUpdateException exception) when (UniqueViolation.Is(exception))
        {
            // Another saved the label on the site (in any case) between the check above and this save.
            ModelState.AddModelError("Input.Label", LabelTaken);
            db.ChangeTracker.Clear();
            return Page();
        }

        await audit.RecordAsync(AuditAction.HousingUnitChanged, null, AuditPurpose.HousingStock, $"{unit.Id:D} {unit.Label}");
        foreach (var household in relabelled)
        {
            // A household's task said anew: a write of it.
            await audit.RecordAsync(AuditAction.HouseholdUpdated, null, AuditPurpose.HousingStock, AuditLog.Household(household, $", bolig {unit.Id:D} ({unit.Label}): tjeklistens opgave lukket for boligen nævner den nye betegnelse"));
        }

        return Redirect($"/Housing/Units/{unit.Id}");
    }

    private static Guid Shown(Domain.Housing.HousingUnit unit) => ShownVersion.Of(UnitInput.From(unit));

    /// <summary>
    /// Someone else changed the unit's facts since the form was opened: theirs beside the fields where they differ from
    /// what was typed, which stays; the form gets their version, so that Gem saves the typed values over them.
    /// </summary>
    private PageResult SavedByOther(Domain.Housing.HousingUnit saved)
    {
        Version = this.ShowSavedByOther(nameof(Version), Shown(saved),
            "Boligen er ændret af en anden, mens du rettede den. Det, der er gemt nu, står ved de felter, hvor det er anderledes end det, du har skrevet. Tryk »Gem bolig« igen for at gemme dine værdier i stedet.",
            values => values.Fields(nameof(Input), Input, UnitInput.From(saved)));
        db.ChangeTracker.Clear();
        return Page();
    }

    private PageResult DeletedByOther()
    {
        this.ShowDeletedByOther(nameof(Version), "Boligen er slettet af en anden, mens du rettede den. Det, du har skrevet, er ikke gemt.");
        Version = null;
        return Page();
    }

    /// <summary>
    /// What the edit may not change over the heads of those who live in the unit today or will: fewer beds than live
    /// there at one time, whole unit or shared room, temporary or permanent, and free before the last of them has moved out.
    /// </summary>
    private List<(string Field, string Message)> ResidentsRefusals(Domain.Housing.HousingUnit unit, List<Domain.Housing.Occupancy> stays, DateOnly today)
    {
        var refusals = new List<(string Field, string Message)>();
        if (stays.Count == 0)
        {
            return refusals;
        }

        var most = Domain.Housing.Occupancy.MostBedsAtOnce(stays, today);
        if (Input.Beds < most)
        {
            refusals.Add((nameof(UnitInput.Beds), T["Der bor {0} i boligen på én gang; der kan ikke være færre senge.", T.Count(most, "{0} person", "{0} personer")].Value));
        }

        // Whole unit or shared room decides who may live there together: not to be changed over the residents' heads.
        if (Input.IsSharedRoom != unit.IsSharedRoom)
        {
            refusals.Add((nameof(UnitInput.IsSharedRoom), "Der bor nogen i boligen. Om den er et delt værelse, kan først ændres, når de er flyttet."));
        }

        // Temporary or permanent decides what the residents' stay is (their page, the pipeline, the forecast) and what the
        // placement asked of the unit (beds for the family to join): not to be changed over their heads either.
        if (Input.IsPermanent != unit.IsPermanent)
        {
            refusals.Add((nameof(UnitInput.IsPermanent), "Der bor nogen i boligen, eller nogen skal flytte ind. Om den er permanent eller midlertidig, kan først ændres, når de er flyttet ud, eller indflytningen er fortrudt."));
        }

        // A whole unit is free when its household has moved out (a shared room's free beds are counted by day instead).
        if (!unit.IsSharedRoom && Input.AvailableFrom != unit.AvailableFrom && stays.Max(s => s.MovedOutOn) is { } last
            && last > today && Input.AvailableFrom < last)
        {
            refusals.Add((nameof(UnitInput.AvailableFrom), T["En beboer flytter først ud {0:d. MMMM yyyy}; boligen kan ikke være ledig før. Ret fraflytningen i stedet.", last].Value));
        }

        return refusals;
    }

    /// <summary>
    /// What the edit may not do while a household is still to move in on <paramref name="moveIn"/>: put the unit in a
    /// designated vulnerable housing area (§ 12) or block it, where neither is so already, or make it free only after that
    /// day. Not refused over a household living there already: a unit found to lie in such an area, or blocked for damage,
    /// stays its home; the flag and the block stop new move-ins (<see cref="Domain.Housing.HousingUnit.RefusalFor"/>).
    /// </summary>
    private List<(string Field, string Message)> PlannedMoveInRefusals(Domain.Housing.HousingUnit unit, DateOnly moveIn)
    {
        var refusals = new List<(string Field, string Message)>();
        if (Input.InVulnerableArea && !unit.InVulnerableArea)
        {
            refusals.Add((nameof(UnitInput.InVulnerableArea), PlannedMoveInVulnerable));
        }

        if (!string.IsNullOrWhiteSpace(Input.BlockedReason) && unit.Status != Domain.Housing.UnitStatus.Blocked)
        {
            refusals.Add((nameof(UnitInput.BlockedReason), PlannedMoveInBlocked));
        }

        if (Input.AvailableFrom != unit.AvailableFrom && Input.AvailableFrom > moveIn)
        {
            refusals.Add((nameof(UnitInput.AvailableFrom), PlannedMoveInFreeLater));
        }

        return refusals;
    }

    private async Task LoadSitesAsync() =>
        Sites = [new("Vælg", ""), .. (await db.HousingSites.AsNoTracking().OrderBy(s => s.Name).ToListAsync()).Select(s => new SelectListItem(s.Name, s.Id.ToString()))];
}
