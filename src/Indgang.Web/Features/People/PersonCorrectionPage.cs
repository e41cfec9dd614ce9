using Indgang.Domain.Audit;
using Indgang.Domain.People;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Identity;
using Indgang.Web.Platform.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.People;

/// <summary>
/// A page on which the coordinator who carries cases corrects what registration recorded about a person (»Ret
/// oplysninger«, »Ret fødselsdato«): refused to every other role, and the person read audited as read for the correction.
/// A page that corrects the health flag alone (<see cref="CorrectsHealthFlagOnly"/>) is open to whoever may see the flag.
/// </summary>
public abstract class PersonCorrectionPage(PersonDirectory directory, IndgangDbContext db) : PageModel
{
    protected static readonly AuditPurpose Purpose = AuditPurpose.PersonCorrection;

    public Person Person { get; protected set; } = null!;

    /// <summary>The person's household; null for a person in none.</summary>
    public Household? Household { get; private set; }

    /// <summary>
    /// Whether the person has special health needs, read only by a page that corrects it (<see cref="ReadsHealthFlag"/>)
    /// and only for a user who may see it (<see cref="PersonAccess.SeesHealthFlagAsync"/>); null otherwise.
    /// </summary>
    public bool? HealthFlag { get; private set; }

    /// <summary>Whether the page reads the health flag with the person (then logged as shown, to those who may see it).</summary>
    protected virtual bool ReadsHealthFlag => false;

    /// <summary>
    /// Whether the page corrects the health flag and nothing else (<see cref="HealthFlagModel"/>): then it is open, besides
    /// the coordinator, to a department worker whose task needs the flag (<see cref="PersonAccess.SeesHealthFlagAsync"/>),
    /// who learns when it is wrong; refused to one who may not see it, as the person's page refuses one who may not read them.
    /// </summary>
    protected virtual bool CorrectsHealthFlagOnly => false;

    /// <summary>The person and their household, read and audited; or what to answer instead (403, 404).</summary>
    protected async Task<IActionResult?> LoadAsync(Guid id)
    {
        if (!CorrectsHealthFlagOnly && !PersonAccess.IsCaseOwnerRole(User))
        {
            return Forbid();
        }

        var read = CorrectsHealthFlagOnly
            ? await directory.ReadForHealthFlagAsync(User, id, Purpose, HttpContext.RequestAborted)
            : await directory.ReadAsync(User, id, Purpose, ReadsHealthFlag, HttpContext.RequestAborted);
        switch (read.Outcome)
        {
            case PersonLookup.NotFound:
                return NotFound();
            case PersonLookup.Forbidden:
                return Forbid();
        }

        (Person, Household, HealthFlag) = (read.Person!, read.Household, read.HealthFlag);
        return null;
    }

    protected IndgangDbContext Db => db;

    /// <summary>
    /// The correction saved (<see cref="TrySaveAsync"/>), read and tried again when another saved the person at the same
    /// moment; after the last try, what is saved now is shown beside the fields (<see cref="SavedByOther"/>).
    /// </summary>
    public Task<IActionResult> OnPostAsync(Guid id) =>
        db.UntilAnsweredAsync(() => TrySaveAsync(id), async () => await LoadAsync(id) ?? SavedByOther(Person));

    /// <summary>
    /// The correction saved over the person as this request read them (<see cref="Person"/>), when the form was filled from
    /// what is saved (<paramref name="shown"/>, the version of the person read, is the form's <paramref name="version"/>):
    /// <paramref name="correct"/> changes the person and says what it changed, for the log (»Rettet: …«, fields, never
    /// values). Another's correction since the form was opened is shown (<see cref="SavedByOther"/>), not replaced; one
    /// saved at the same moment refuses the save: null, to read the person again and try again.
    /// </summary>
    protected async Task<IActionResult?> SaveOverShownAsync(Guid id, Guid shown, Guid? version, AuditLog audit, Func<Person, string> correct)
    {
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(correct);
        if (shown != version)
        {
            return SavedByOther(Person);
        }

        if (await db.Persons.FirstOrDefaultAsync(p => p.Id == id) is not { } person)
        {
            return NotFound();
        }

        db.Entry(person).Property(p => p.Version).OriginalValue = Person.Version;
        var corrected = correct(person);
        if (!await db.SaveUnlessSavedByOtherAsync(HttpContext.RequestAborted))
        {
            return null;
        }

        await audit.RecordAsync(AuditAction.PersonUpdated, id, Purpose, $"Rettet: {corrected}");
        return Redirect($"/People/{id}");
    }

    /// <summary>The correction saved and logged, or what to show instead; null when the save was refused and may be tried again.</summary>
    protected abstract Task<IActionResult?> TrySaveAsync(Guid id);

    /// <summary>Another corrected the person since the form was opened: what is saved now beside the fields, and its version.</summary>
    protected abstract PageResult SavedByOther(Person saved);
}
