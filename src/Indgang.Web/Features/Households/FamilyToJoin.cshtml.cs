using Indgang.Domain.Audit;
using Indgang.Domain.People;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Features.People;
using Indgang.Web.Features.Reception;
using Indgang.Web.Platform.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Households;

/// <summary>
/// The coordinator records how many family members have applied to join the household by family reunification
/// (<see cref="Household.FamilyToJoin"/>). A permanent home from the municipality is then found with room for them too,
/// so that the whole family moves as few times as possible (seed 004): the placement offers the household no permanent
/// unit without those beds, and the pipeline and the placement page show it. Each family-reunified member added to the
/// household is one fewer. The change is logged for each member.
/// </summary>
public sealed class FamilyToJoinModel(PersonDirectory directory, IndgangDbContext db, AuditLog audit)
    : HouseholdValuePage(directory, db)
{
    public const string Required = "Angiv, hvor mange familiemedlemmer der er søgt familiesammenføring til (0, hvis ingen).";

    [BindProperty]
    public int? Persons { get; set; }

    protected override AuditPurpose Purpose => AuditPurpose.FamilyToJoin;

    protected override string SavedByOtherText =>
        "Husstanden er ændret af en anden, mens du rettede det. Det, der er gemt nu, står ved feltet. Tryk »Gem« igen for at gemme dit tal.";

    protected override void Show(Household household) => Persons = household.FamilyToJoin;

    protected override void CompareWithSaved(SavedValues values, Household saved) => values.Field(nameof(Persons), Persons, saved.FamilyToJoin);

    /// <summary>The number saved and logged, or what to show instead; null when the save was refused and may be tried again.</summary>
    protected override async Task<IActionResult?> TrySaveAsync(Guid id)
    {
        if (ModelState[nameof(Persons)] is { Errors.Count: > 0 } notANumber)
        {
            // Not a whole number: said as for any number out of range, beside the field with what was typed.
            notANumber.Errors.Clear();
            ModelState.AddModelError(nameof(Persons), ArrivalValidator.FamilyToJoinOutOfRange);
            return Page();
        }

        if (Persons is not { } persons)
        {
            ModelState.AddModelError(nameof(Persons), Required);
            return Page();
        }

        if (persons is < 0 or > Household.MostFamilyToJoin)
        {
            ModelState.AddModelError(nameof(Persons), ArrivalValidator.FamilyToJoinOutOfRange);
            return Page();
        }

        if (persons == Household.FamilyToJoin)
        {
            return Redirect($"/Households/{id}");
        }

        if (Shown(Household) != Version)
        {
            return SavedByOther(Household);
        }

        if (await Db.Households.Include(h => h.Members).FirstOrDefaultAsync(h => h.Id == id) is not { } household)
        {
            return NotFound();
        }

        // Saved over the household as read: a member who joined at the same moment (one fewer to wait for) refuses the
        // save, and the number is read and compared again.
        Db.Entry(household).Property(h => h.Version).OriginalValue = Household.Version;
        var before = household.FamilyToJoin;
        household.SetFamilyToJoin(persons);
        if (!await Db.SaveUnlessSavedByOtherAsync())
        {
            return null;
        }

        var details = AuditLog.Household(id, $": familiesammenføring søgt til {before} → {persons} personer");
        await audit.RecordEachAsync(AuditAction.FamilyToJoinChanged, household.Members.Select(m => ((Guid?)m.Id, (string?)details)), Purpose);
        return Redirect($"/Households/{id}");
    }

    protected override Guid Shown(Household household) => ShownVersion.Of(new { household.FamilyToJoin });
}
