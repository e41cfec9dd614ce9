using Indgang.Domain.People;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Identity;
using Indgang.Web.Platform.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Indgang.Web.Features.People;

/// <summary>
/// The health flag (special health needs, health data, HEALTH-3) set or withdrawn from the person's page where it is shown
/// (»Ret markeringen«), by one who may see it (<see cref="PersonAccess.SeesHealthFlagAsync"/>): the health department,
/// whose consent task for the person's health documents shows it the flag and which learns from them that it is wrong, as
/// well as the coordinator (who can also correct it on »Ret oplysninger«, <see cref="EditModel"/>). One who may not see
/// it is refused as for the person's other pages, and their post changes nothing. The change is logged as »særlige
/// helbredsmæssige behov« without its value; of two correcting it, the second is shown the first's (<see cref="EditConflict"/>).
/// </summary>
public sealed class HealthFlagModel(PersonDirectory directory, IndgangDbContext db, AuditLog audit) : PersonCorrectionPage(directory, db)
{
    /// <summary>What the log says was corrected: the field, never its value.</summary>
    public const string Field = "særlige helbredsmæssige behov";

    public const string SavedByOtherMessage =
        "Markeringen af særlige helbredsmæssige behov er ændret af en anden, mens du rettede den. Det, der er gemt nu, står ved feltet. Tryk »Gem« igen for at gemme din rettelse i stedet.";

    /// <summary>The flag as the form gives it; null (the field not posted) leaves it as it is.</summary>
    [BindProperty]
    public bool? HasMedicalFlag { get; set; }

    /// <summary>The version of the flag the form showed (<see cref="ShownVersion"/>). Not a Guid counts as stale.</summary>
    [BindProperty]
    public Guid? Version { get; set; }

    protected override bool CorrectsHealthFlagOnly => true;

    protected override bool ReadsHealthFlag => true;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }

        HasMedicalFlag = HealthFlag;
        Version = Shown(Person);
        return Page();
    }

    protected override async Task<IActionResult?> TrySaveAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }

        ModelState.Remove(nameof(Version));
        if (HasMedicalFlag is not { } typed || typed == Person.HasMedicalFlag)
        {
            // Nothing to correct, or the same correction as another's (a double click, say).
            return Redirect($"/People/{id}");
        }

        // Another's correction since the form was opened is not silently replaced.
        return await SaveOverShownAsync(id, Shown(Person), Version, audit, person =>
        {
            person.CorrectHealthFlag(typed);
            return Field;
        });
    }

    /// <summary>
    /// Someone else corrected the flag since the form was opened: what is saved now shows beside the field, and the form
    /// gets its version, so that pressing Gem again saves this correction.
    /// </summary>
    protected override PageResult SavedByOther(Person saved)
    {
        Version = this.ShowSavedByOther(nameof(Version), Shown(saved), SavedByOtherMessage,
            values => values.Field(nameof(HasMedicalFlag), HasMedicalFlag, saved.HasMedicalFlag));
        return Page();
    }

    private static Guid Shown(Person person) => ShownVersion.Of(new { person.HasMedicalFlag });
}
