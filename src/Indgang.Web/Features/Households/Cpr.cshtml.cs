using Indgang.Domain.Audit;
using Indgang.Domain.People;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Features.People;
using Indgang.Web.Features.Reception;
using Indgang.Web.Features.Tasks;
using Indgang.Web.Platform;
using Indgang.Web.Platform.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Households;

/// <summary>
/// The coordinator records a member's CPR number and the day of their CPR registration in the municipality when they come
/// after registration, or corrects a mistyped number. Day 0 of a quota refugee or a family-reunified person is then the
/// registration day, no longer an estimate from the arrival, and the open checklist tasks counted from day 0 move with it
/// (<see cref="ChecklistRescheduler"/>). The change is logged with the numbers masked. Of two coordinators changing it, the
/// second is shown the first's change (<see cref="EditConflict"/>) instead of saving over it unseen.
/// </summary>
public sealed class CprModel(PersonDirectory directory, IndgangDbContext db, ChecklistRescheduler rescheduler, AuditLog audit, TimeProvider clock)
    : CaseOwnerPage(directory)
{
    private static readonly AuditPurpose Purpose = AuditPurpose.CprRegistration;

    public const string Taken = Reception.CprMessages.Taken;

    public const string NotBirthDate = "CPR-nummeret passer ikke med fødselsdatoen.";

    public const string InFuture = "Datoen kan ikke ligge i fremtiden.";

    [BindProperty(SupportsGet = true)]
    public Guid PersonId { get; set; }

    /// <summary>The number typed; empty keeps the number recorded (the form never shows it whole).</summary>
    [BindProperty]
    public string? Cpr { get; set; }

    [BindProperty]
    public DateOnly? RegisteredOn { get; set; }

    /// <summary>
    /// The version of the number and day the form showed (<see cref="Shown"/>): a change by someone else to the person's
    /// other details (a name corrected, day 0) does not stop the save. Not a Guid counts as stale.
    /// </summary>
    [BindProperty]
    public Guid? Version { get; set; }

    public Person Person { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }

        RegisteredOn = Person.CprRegisteredOn;
        Version = Shown(Person);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }

        ModelState.Remove(nameof(Version));
        var cpr = await ValidateAsync();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var household = await db.Households.Include(h => h.Members).FirstAsync(h => h.Id == id);
        var person = household.Members.First(m => m.Id == PersonId);
        // A number or day changed by someone else since the form was opened is not overwritten unseen; the same change as
        // theirs (a double click, say) is simply taken as saved.
        if (Shown(person) != Version)
        {
            return await ShowSavedByOtherAsync(person, cpr);
        }

        var (cprBefore, registeredBefore, genderBefore) = (person.Cpr, person.CprRegisteredOn, person.Gender);
        var datesBefore = ChecklistRescheduler.DatesOf(household);
        person.RecordCprRegistration(cpr, RegisteredOn);
        if (person.Cpr == cprBefore && person.CprRegisteredOn == registeredBefore)
        {
            return Redirect($"/Households/{id}");
        }

        var moved = await rescheduler.RescheduleFromAsync(household, datesBefore, HttpContext.RequestAborted);
        if (!await db.SaveOverTaskChangesUnlessSavedByOtherAsync(ChecklistRescheduler.Again(moved), HttpContext.RequestAborted))
        {
            // Another's change to the person, or the same number recorded on another person at the same moment (a task its
            // department took at the same moment still moves).
            db.ChangeTracker.Clear();
            if (cpr is not null && await TakenAsync(cpr))
            {
                ModelState.AddModelError(nameof(Cpr), Taken);
                return Page();
            }

            return await ShowSavedByOtherAsync(await db.Persons.FirstAsync(p => p.Id == PersonId), cpr);
        }

        var details = $"CPR-nummer {cprBefore?.Masked ?? "–"} → {person.Cpr?.Masked ?? "–"}, registreret i kommunen {Iso(registeredBefore)} → {Iso(person.CprRegisteredOn)}, {moved.Count} opgaver flyttet";
        await audit.RecordAsync(AuditAction.CprRecorded, PersonId, Purpose, details);
        // A gender that followed the number recorded before follows the new one: told on the household's page, not done
        // without a word (one recorded as unknown takes the number's, as at registration).
        return Redirect(genderBefore is Gender.Female or Gender.Male && person.Gender != genderBefore
            ? $"/Households/{id}?{nameof(DetailsModel.GenderFollowedCpr)}={PersonId}"
            : $"/Households/{id}");
    }

    /// <summary>
    /// The number and the day checked beside their fields: the number as registration checks it (a failed modulus-11 check
    /// is no error: such numbers are issued), matching the birth date and on no one else; the day not in the future nor
    /// before the integration act. Returns the number typed, or null when none was.
    /// </summary>
    private async Task<CprNumber?> ValidateAsync()
    {
        CprNumber? cpr = null;
        if (!string.IsNullOrWhiteSpace(Cpr))
        {
            if (!CprNumber.TryParse(Cpr, out var parsed, out var error))
            {
                ModelState.AddModelError(nameof(Cpr), CprMessages.For(error));
            }
            else if (parsed.BirthDate != Person.BirthDate)
            {
                ModelState.AddModelError(nameof(Cpr), NotBirthDate);
            }
            else if (Person.Cpr is null && Person.Gender is Gender.Female or Gender.Male && parsed.Gender != Person.Gender)
            {
                // A gender recorded by hand is not replaced by the number's without a word, as registration refuses it
                // (CprMessages.GenderNotTheCprs). One that came from a number recorded before follows the number that
                // replaces it (the gender follows the number, and a number can change: a legal change of gender gives a
                // new one), and the household's page says so.
                ModelState.AddModelError(nameof(Cpr), CprMessages.NumberNotTheGender);
            }
            else if (await TakenAsync(parsed))
            {
                ModelState.AddModelError(nameof(Cpr), Taken);
            }
            else
            {
                cpr = parsed;
            }
        }

        if (ModelState[nameof(RegisteredOn)] is { Errors.Count: > 0 } notADate)
        {
            notADate.Errors.Clear();
            ModelState.AddModelError(nameof(RegisteredOn), ArrivalValidator.InvalidDate);
        }
        else if (RegisteredOn is { } registered)
        {
            if (registered > clock.Today())
            {
                ModelState.AddModelError(nameof(RegisteredOn), InFuture);
            }
            else if (PlanningHorizon.IsBeforeEarliest(registered))
            {
                ModelState.AddModelError(nameof(RegisteredOn), PlanningHorizon.TooFarBack);
            }
        }

        return cpr;
    }

    /// <summary>Whether the number is on another person; that it is tells who is a case here, so a read of them.</summary>
    private async Task<bool> TakenAsync(CprNumber cpr)
    {
        var holders = await db.Persons.Where(p => p.Id != PersonId && p.Cpr == cpr).Select(p => p.Id).ToListAsync();
        await audit.RecordReadsAsync(AuditPurpose.DuplicateCheck, persons: holders);
        return holders.Count > 0;
    }

    /// <summary>
    /// Someone else changed the person since the form was opened: their number (masked) and day beside the fields where
    /// they differ, and the form gets the person's version, so that Gem saves this change over it. The same change as made
    /// here (a double click, say) is simply taken as saved.
    /// </summary>
    private async Task<IActionResult> ShowSavedByOtherAsync(Person person, CprNumber? typed)
    {
        await db.ReloadSavedAsync(person);
        db.ChangeTracker.Clear();
        if ((typed is null || typed == person.Cpr) && person.CprRegisteredOn == RegisteredOn)
        {
            return Redirect($"/Households/{Household.Id}");
        }

        Person = person;
        Version = this.ShowSavedByOther(nameof(Version), Shown(person),
            "CPR-oplysningerne er ændret af en anden, mens du rettede dem. Det, der er gemt nu, står ved de felter, hvor det er anderledes end det, du har skrevet. Tryk »Gem« igen for at gemme dine oplysninger i stedet.",
            saved =>
            {
                if (typed is null || typed != person.Cpr)
                {
                    saved.Field(nameof(Cpr), Cpr, person.Cpr?.Masked);
                }

                saved.Field(nameof(RegisteredOn), RegisteredOn, person.CprRegisteredOn);
            });
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        if (await LoadHouseholdAsync(id, Purpose, PersonId) is { } refused)
        {
            return refused;
        }

        if (Household.Members.FirstOrDefault(m => m.Id == PersonId) is not { } person)
        {
            return NotFound();
        }

        Person = person;
        return null;
    }

    /// <summary>The fingerprint of the person's CPR details as the form shows them: the number and the day registered.</summary>
    private static Guid Shown(Person person) => ShownVersion.Of(new { Cpr = person.Cpr?.Digits, person.CprRegisteredOn });
}
