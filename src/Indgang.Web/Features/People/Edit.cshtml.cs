using Indgang.Domain.People;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Features.Reception;
using Indgang.Web.Identity;
using Indgang.Web.Platform.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Indgang.Web.Features.People;

/// <summary>
/// The coordinator corrects what registration recorded of a person and no deadline is counted from (»Ret oplysninger«
/// on the person's page): the names (a typo), gender, nationality, languages, and the need of an interpreter or of
/// step-free housing; and, for one who may see it (<see cref="PersonAccess.SeesHealthFlagAsync"/>), the health flag
/// (special health needs, health data), which can so be corrected or withdrawn. One who may not see it is neither shown
/// the field nor changes the flag by posting it; a form without the field leaves it as it is. Birth date, residence
/// basis and relations drive deadlines and tasks and are not corrected here; the birth date
/// (<see cref="BirthDateModel"/>), the CPR number and day 0 have their own pages. Checked as registration checks them,
/// beside the fields; the change is logged
/// by the fields changed, not their values. Of two coordinators correcting the person, the second is shown the first's
/// values (<see cref="EditConflict"/>) instead of saving over them unseen.
/// </summary>
public sealed class EditModel(PersonDirectory directory, IndgangDbContext db, AuditLog audit) : PersonCorrectionPage(directory, db)
{
    public const string SavedByOtherMessage =
        "Borgerens oplysninger er ændret af en anden, mens du rettede dem. Det, der er gemt nu, står ved de felter, hvor det er anderledes end det, du har skrevet. Tryk »Gem« igen for at gemme dine oplysninger i stedet.";

    [BindProperty]
    public string? FirstName { get; set; }

    [BindProperty]
    public string? LastName { get; set; }

    [BindProperty]
    public Gender? Gender { get; set; }

    [BindProperty]
    public string? Nationality { get; set; }

    [BindProperty]
    public string? Languages { get; set; }

    [BindProperty]
    public bool NeedsInterpreter { get; set; }

    [BindProperty]
    public bool NeedsAccessibleHousing { get; set; }

    /// <summary>
    /// The health flag as the form gives it; heeded only for a user who may see it (<see cref="PersonCorrectionPage.HealthFlag"/>
    /// is read for them alone). Null (the field not posted) leaves it as it is.
    /// </summary>
    [BindProperty]
    public bool? HasMedicalFlag { get; set; }

    /// <summary>The health flag as the correction would save it: the posted one, if the user may see it and posted it.</summary>
    private bool? TypedHealthFlag => HealthFlag is { } shown ? HasMedicalFlag ?? shown : null;

    protected override bool ReadsHealthFlag => true;

    /// <summary>
    /// The version of the values the form showed (<see cref="ShownVersion"/>): a change by someone else to the person's
    /// day 0 or CPR number does not stop the save. Not a Guid counts as stale.
    /// </summary>
    [BindProperty]
    public Guid? Version { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }

        (FirstName, LastName, Gender, Nationality, Languages) = (Person.FirstName, Person.LastName, Person.Gender, Person.Nationality, Person.Languages);
        (NeedsInterpreter, NeedsAccessibleHousing) = (Person.NeedsInterpreter, Person.NeedsAccessibleHousing);
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
        Validate();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var typed = Typed();
        if (typed == Shown(Person))
        {
            // Nothing to correct, or the same correction as another's (a double click, say).
            return Redirect($"/People/{id}");
        }

        // Another's correction since the form was opened is not silently replaced.
        return await SaveOverShownAsync(id, Shown(Person), Version, audit, person =>
        {
            var changed = Changed(person);
            person.CorrectDetails(FirstName!, LastName!, Gender!.Value, Nationality, Languages, NeedsInterpreter, NeedsAccessibleHousing);
            if (TypedHealthFlag is { } healthFlag)
            {
                person.CorrectHealthFlag(healthFlag);
            }

            return string.Join(", ", changed);
        });
    }

    /// <summary>The fields checked as registration checks them (<see cref="ArrivalValidator.ValidateDetails"/>), beside each.</summary>
    private void Validate()
    {
        var errors = new ArrivalErrors();
        ArrivalValidator.ValidateDetails(FirstName, LastName, Nationality, Languages, "", errors);
        foreach (var (field, messages) in errors)
        {
            foreach (var message in messages)
            {
                ModelState.AddModelErrorOnce(field, message);
            }
        }

        // A value that is no gender (a tampered form) is said as a choice not made, not as Razor's own message.
        if (ModelState[nameof(Gender)] is { Errors.Count: > 0 } unreadable)
        {
            unreadable.Errors.Clear();
            unreadable.Errors.Add(ArrivalValidator.UnknownGender);
        }
        else if (Gender is not { } gender || !Enum.IsDefined(gender))
        {
            ModelState.AddModelError(nameof(Gender), ArrivalValidator.UnknownGender);
        }
        else if (Person.Cpr is { } cpr && gender != cpr.Gender)
        {
            ModelState.AddModelError(nameof(Gender), CprMessages.GenderFollowsCpr);
        }
    }

    /// <summary>The names of the fields the correction changes, for the log: which, not their values.</summary>
    private List<string> Changed(Person saved)
    {
        var changed = new List<string>();
        Add(saved.FirstName != FirstName!.Trim(), "fornavn");
        Add(saved.LastName != LastName!.Trim(), "efternavn");
        Add(saved.Gender != Gender, "køn");
        Add(saved.Nationality != Trimmed(Nationality), "statsborgerskab");
        Add(saved.Languages != Trimmed(Languages), "sprog");
        Add(saved.NeedsInterpreter != NeedsInterpreter, "behov for tolk");
        Add(saved.NeedsAccessibleHousing != NeedsAccessibleHousing, "behov for tilgængelig bolig");
        Add(TypedHealthFlag is { } healthFlag && saved.HasMedicalFlag != healthFlag, HealthFlagModel.Field);
        return changed;

        void Add(bool differs, string field)
        {
            if (differs)
            {
                changed.Add(field);
            }
        }
    }

    /// <summary>
    /// Someone else corrected the person since the form was opened: what is saved now shows beside the fields where it
    /// differs from what was typed, and the form gets its version, so that pressing Gem again saves this correction.
    /// </summary>
    protected override PageResult SavedByOther(Person saved)
    {
        Version = this.ShowSavedByOther(nameof(Version), Shown(saved), SavedByOtherMessage, values =>
        {
            values.Field(nameof(FirstName), FirstName, saved.FirstName);
            values.Field(nameof(LastName), LastName, saved.LastName);
            values.Field(nameof(Gender), Gender, saved.Gender);
            values.Field(nameof(Nationality), Nationality, saved.Nationality);
            values.Field(nameof(Languages), Languages, saved.Languages);
            values.Field(nameof(NeedsInterpreter), NeedsInterpreter, saved.NeedsInterpreter);
            values.Field(nameof(NeedsAccessibleHousing), NeedsAccessibleHousing, saved.NeedsAccessibleHousing);
            if (HealthFlag is not null)
            {
                values.Field(nameof(HasMedicalFlag), TypedHealthFlag, saved.HasMedicalFlag);
            }
        });
        return Page();
    }

    /// <summary>The fingerprint of the values the form shows: the health flag in it only for one who may see it.</summary>
    private Guid Shown(Person person) => Fingerprint(
        person.FirstName, person.LastName, person.Gender, person.Nationality, person.Languages, person.NeedsInterpreter, person.NeedsAccessibleHousing,
        HealthFlag is null ? null : person.HasMedicalFlag);

    /// <summary>The fingerprint of the typed values as they would be saved (trimmed, blank as none); only of valid input.</summary>
    private Guid Typed() => Fingerprint(
        FirstName!.Trim(), LastName!.Trim(), Gender!.Value, Trimmed(Nationality), Trimmed(Languages), NeedsInterpreter, NeedsAccessibleHousing, TypedHealthFlag);

    private static Guid Fingerprint(string firstName, string lastName, Gender gender, string? nationality, string? languages, bool needsInterpreter, bool needsAccessibleHousing, bool? healthFlag) =>
        ShownVersion.Of(new { firstName, lastName, gender, nationality, languages, needsInterpreter, needsAccessibleHousing, healthFlag });

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
