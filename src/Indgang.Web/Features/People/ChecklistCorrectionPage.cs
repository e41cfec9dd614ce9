using System.Security.Claims;
using Indgang.Domain;
using Indgang.Domain.Audit;
using Indgang.Domain.People;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Features.Reception;
using Indgang.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Features.People;

/// <summary>
/// A page on which the coordinator corrects what a person was registered with and the arrival checklist is made from
/// (»Ret fødselsdato«, »Ret opholdsgrundlag«): the person read with their household, the value checked
/// (<see cref="Validate"/>), saved only over the version the form showed (<see cref="Shown"/>), with the household's tasks
/// following it (<see cref="CorrectionTasks"/>), and logged with what was corrected and what the tasks did.
/// </summary>
public abstract class ChecklistCorrectionPage(
    PersonDirectory directory, IndgangDbContext db, CorrectionTasks corrections, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> texts)
    : PersonCorrectionPage(directory, db)
{
    protected TimeProvider Clock => clock;

    /// <summary>The page's texts in the reader's language.</summary>
    protected IStringLocalizer<SharedResource> T => texts;

    /// <summary>The version of the value the form showed (<see cref="Shown"/>). Not a Guid counts as stale.</summary>
    [BindProperty]
    public Guid? Version { get; set; }

    /// <summary>Why a task the checklist no longer gives after the correction is closed as not needed.</summary>
    protected abstract Said NoLongerApplies { get; }

    /// <summary>Why a department's tasks were closed, as its notice says it.</summary>
    protected abstract Said Corrected { get; }

    /// <summary>The version of the value the page corrects, as saved on <paramref name="person"/>.</summary>
    protected abstract Guid Shown(Person person);

    /// <summary>Why the value cannot be corrected on this page at all (said in the summary), or null.</summary>
    protected virtual string? Refusal(Person person) => null;

    /// <summary>Checks the value typed against the person and their household (tracked, with members and relations), beside its field.</summary>
    protected abstract void Validate(Person person, Household? household);

    /// <summary>Whether the value typed is the one saved: nothing to correct, or the same correction as another's (a double click).</summary>
    protected abstract bool IsSaved(Person person);

    /// <summary>Makes the correction on the tracked person (and household); returns what the log says was corrected.</summary>
    protected abstract string Correct(Person person, Household? household);

    /// <summary>The day the person was registered: the day they joined the household, or the household's registration.</summary>
    protected DateOnly RegisteredOn(Person person, Household household)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(household);
        return person.JoinedOn ?? DateOnly.FromDateTime(Clock.Local(household.RegisteredAt).DateTime);
    }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }

        Show(Person);
        Version = Shown(Person);
        return Page();
    }

    /// <summary>Puts the saved value in the form's field.</summary>
    protected abstract void Show(Person person);

    protected sealed override async Task<IActionResult?> TrySaveAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }

        ModelState.Remove(nameof(Version));
        if (Refusal(Person) is { } refusal)
        {
            ModelState.AddModelError("", refusal);
            return Page();
        }

        var household = Person.HouseholdId is { } householdId
            ? await Db.Households.Include(h => h.Members).Include(h => h.Relations).AsSingleQuery().FirstOrDefaultAsync(h => h.Id == householdId)
            : null;
        if ((household?.Members.FirstOrDefault(m => m.Id == id) ?? await Db.Persons.FirstOrDefaultAsync(p => p.Id == id)) is not { } person)
        {
            return NotFound();
        }

        Validate(person, household);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (IsSaved(person))
        {
            return Redirect($"/People/{id}");
        }

        // Another's correction since the form was opened is not silently replaced.
        if (Shown(person) != Version)
        {
            return SavedByOther(person);
        }

        var datesBefore = household is null ? [] : ChecklistRescheduler.DatesOf(household);
        var corrected = Correct(person, household);
        var saved = await corrections.SaveAsync(household, datesBefore, User.FindFirstValue(ClaimTypes.NameIdentifier)!, NoLongerApplies, Corrected, HttpContext.RequestAborted);
        if (saved.Ownerless.Count > 0)
        {
            // A task to make that no department owns: refused, nothing saved, until an administrator names one.
            ModelState.AddModelError("", ChecklistTaskFactory.NoDepartmentFor(T, saved.Ownerless));
            return Page();
        }

        if (!saved.Saved)
        {
            // Another's change to the person at the same moment: read and compared again.
            return null;
        }

        await audit.RecordAsync(AuditAction.PersonUpdated, id, Purpose, $"Rettet: {corrected}, {saved.Counted}");
        return Redirect($"/People/{id}");
    }
}
