using Indgang.Domain.People;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Features.People;
using Indgang.Web.Platform.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Indgang.Web.Features.Households;

/// <summary>
/// Base for the coordinator's pages that correct one thing of a household (its arrival, the date of its visitation
/// decision, the family to join): the household read and audited, what is saved put in the fields with its
/// <see cref="ShownVersion"/>, and the post tried again when another changed the household between its read and its save
/// (<see cref="SaveAttempts.UntilAnsweredAsync"/>), shown as an edit conflict (<see cref="EditConflict"/>) when
/// another changed the same thing since the form was opened. Each page says what it shows, checks and saves.
/// </summary>
public abstract class HouseholdValuePage(PersonDirectory directory, IndgangDbContext db) : CaseOwnerPage(directory)
{
    /// <summary>The version of what the form showed (<see cref="Shown"/>). Not a Guid counts as stale.</summary>
    [BindProperty]
    public Guid? Version { get; set; }

    protected IndgangDbContext Db { get; } = db;

    /// <summary>Why the household is read (the audit log's purpose).</summary>
    protected abstract AuditPurpose Purpose { get; }

    /// <summary>The error summary's message when another saved the same thing since the form was opened.</summary>
    protected abstract string SavedByOtherText { get; }

    /// <summary>The version of what the page corrects: a change by another to anything else of the household does not stop the save.</summary>
    protected abstract Guid Shown(Household household);

    /// <summary>What is saved, put in the form's fields.</summary>
    protected abstract void Show(Household household);

    /// <summary>What is saved now, beside each field where it differs from what the user typed.</summary>
    protected abstract void CompareWithSaved(SavedValues values, Household saved);

    /// <summary>
    /// Checked and saved (<see cref="CaseOwnerPage.Household"/> is read, the posted version taken out of the checks), or
    /// what to show instead; null when another's change refused the save and it may be tried again.
    /// </summary>
    protected abstract Task<IActionResult?> TrySaveAsync(Guid id);

    /// <summary>The household read, and what else the page shows of it; a refusal (not found, not a case owner) otherwise.</summary>
    protected virtual Task<IActionResult?> LoadAsync(Guid id) => LoadHouseholdAsync(id, Purpose);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }

        Show(Household);
        Version = Shown(Household);
        return Page();
    }

    // Refused for a change by another between this request's read and its save: read again, and shown as an edit conflict
    // if it changed what the page corrects (or after the last attempt).
    public Task<IActionResult> OnPostAsync(Guid id) =>
        Db.UntilAnsweredAsync(
            async () =>
            {
                if (await LoadAsync(id) is { } refused)
                {
                    return refused;
                }

                ModelState.Remove(nameof(Version));
                return await TrySaveAsync(id);
            },
            async () => await LoadAsync(id) ?? SavedByOther(Household));

    /// <summary>
    /// Someone else changed it since the form was opened: what is saved now beside the fields, and the form gets its
    /// version, so that Gem saves the user's value over it (checked again against what is saved then).
    /// </summary>
    protected PageResult SavedByOther(Household saved)
    {
        Version = this.ShowSavedByOther(nameof(Version), Shown(saved), SavedByOtherText, values => CompareWithSaved(values, saved));
        return Page();
    }
}
