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
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Features.Households;

/// <summary>
/// The coordinator overrides a member's computed day 0 with a reason, e.g. earlier by consent (REC-2), or clears the
/// override again; the open checklist tasks counted from day 0 move with it (<see cref="ChecklistRescheduler"/>), and the
/// log says how many. Of two coordinators changing it, the second is shown the first's change (<see cref="EditConflict"/>)
/// instead of saving over it unseen.
/// </summary>
public sealed class Day0Model(
    PersonDirectory directory, IndgangDbContext db, ChecklistRescheduler rescheduler, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> T)
    : CaseOwnerPage(directory)
{
    [BindProperty(SupportsGet = true)]
    public Guid PersonId { get; set; }

    [BindProperty]
    public DateOnly? Date { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public bool UseComputed { get; set; }

    /// <summary>
    /// The version of the day 0 the form showed (<see cref="Shown"/>): a change by someone else to the person's other
    /// details (a name corrected) does not stop the save. Not a Guid counts as stale.
    /// </summary>
    [BindProperty]
    public Guid? Version { get; set; }

    public Person Person { get; private set; } = null!;
    public PersonDay0? Current { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }

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
        if (!UseComputed)
        {
            if (ModelState[nameof(Date)] is { Errors.Count: > 0 } unreadable)
            {
                // A text that is no date (a month 13): said once, as the arrival page says it, not also as missing.
                unreadable.Errors.Clear();
                unreadable.Errors.Add(ArrivalValidator.InvalidDate);
            }
            else if (Date is null)
            {
                ModelState.AddModelError(nameof(Date), "Angiv den nye dag 0.");
            }
            else if (PlanningHorizon.IsBeyond(Date.Value, clock.Today()))
            {
                // Every deadline is counted from day 0: a year such as 9999 would make them no dates at all.
                ModelState.AddModelError(nameof(Date), T["Datoen kan højst ligge {0} år frem. Tjek årstallet.", PlanningHorizon.Years].Value);
            }
            else if (PlanningHorizon.IsBeforeEarliest(Date.Value))
            {
                ModelState.AddModelError(nameof(Date), PlanningHorizon.TooFarBack);
            }
            else if (Date < Household.VisitationDecisionDate)
            {
                // Earlier by consent, but not before there is a decision to take over from (integrationsloven § 4).
                ModelState.AddModelError(nameof(Date), "Dag 0 kan ikke ligge før visitationsafgørelsen.");
            }
            else if (Date < Person.BirthDate)
            {
                ModelState.AddModelError(nameof(Date), "Dag 0 kan ikke ligge før personens fødselsdato.");
            }

            if (string.IsNullOrWhiteSpace(Reason))
            {
                ModelState.AddModelError(nameof(Reason), "Skriv begrundelsen, fx »tidligere overtagelse efter samtykke«.");
            }
            else if (Reason.Trim().Length > Person.Day0OverrideReasonLength)
            {
                ModelState.AddModelError(nameof(Reason), T["Begrundelsen må højst være {0:N0} tegn.", Person.Day0OverrideReasonLength].Value);
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var household = await db.Households.Include(h => h.Members).FirstAsync(h => h.Id == id);
        var person = household.Members.First(m => m.Id == PersonId);
        // A day 0 changed by someone else since the form was opened is not overwritten unseen; the same change as theirs
        // (a double click, say) is simply taken as saved.
        if (Shown(person) != Version)
        {
            return await ShowSavedByOtherAsync(person);
        }

        var datesBefore = ChecklistRescheduler.DatesOf(household);
        if (UseComputed)
        {
            person.ClearDay0Override();
        }
        else
        {
            person.OverrideDay0(Date!.Value, Reason!);
        }

        if (!db.ChangeTracker.HasChanges())
        {
            return Redirect($"/Households/{id}#deadlines");
        }

        var moved = await rescheduler.RescheduleFromAsync(household, datesBefore, HttpContext.RequestAborted);
        // Saved over the person as just read: a task its department takes at the same moment still moves; only another's
        // change to the person at this very moment refuses the save, and it is shown where it differs.
        if (!await db.SaveOverTaskChangesUnlessSavedByOtherAsync(ChecklistRescheduler.Again(moved), HttpContext.RequestAborted))
        {
            return await ShowSavedByOtherAsync(await db.Persons.FirstAsync(p => p.Id == PersonId));
        }

        var change = UseComputed ? "Beregnet dag 0 igen" : $"{Date:yyyy-MM-dd} {AuditLog.ReasonKeptInTheCase}";
        await audit.RecordAsync(AuditAction.Day0Overridden, PersonId, AuditPurpose.DayZeroChange, $"{change}, {moved.Count} opgaver flyttet");
        return Redirect($"/Households/{id}#deadlines");
    }

    /// <summary>
    /// Someone else changed the person's day 0 since the form was opened: their day and reason beside the fields where
    /// they differ, and the form gets the person's version, so that Gem saves this change over it. The same change as
    /// made here (a double click, say) is simply saved.
    /// </summary>
    private async Task<IActionResult> ShowSavedByOtherAsync(Person person)
    {
        await db.ReloadSavedAsync(person);
        db.ChangeTracker.Clear();
        if (UseComputed ? person.Day0Override is null : person.Day0Override == Date && person.Day0OverrideReason == Reason?.Trim())
        {
            return Redirect($"/Households/{Household.Id}#deadlines");
        }

        Current = CaseDay0.Compute(person, Household);
        Version = this.ShowSavedByOther(nameof(Version), Shown(person),
            "Dag 0 er ændret af en anden, mens du rettede den. Det, der er gemt nu, står ved de felter, hvor det er anderledes end det, du har skrevet. Tryk »Gem« igen for at gemme din ændring i stedet.",
            saved =>
            {
                saved.Field(nameof(Date), Date, person.Day0Override);
                saved.Field(nameof(Reason), Reason, person.Day0OverrideReason);
            });
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        if (await LoadHouseholdAsync(id, AuditPurpose.DayZeroChange, PersonId) is { } refused)
        {
            return refused;
        }

        if (Household.Members.FirstOrDefault(m => m.Id == PersonId) is not { } person)
        {
            return NotFound();
        }

        Person = person;
        Current = CaseDay0.Compute(person, Household);
        return null;
    }

    /// <summary>The fingerprint of the person's day 0 as the form shows it: the day set by hand and its reason.</summary>
    private static Guid Shown(Person person) => ShownVersion.Of(new { person.Day0Override, person.Day0OverrideReason });
}
