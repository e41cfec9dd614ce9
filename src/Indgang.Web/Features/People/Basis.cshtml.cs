using System.Security.Claims;
using Indgang.Domain;
using Indgang.Domain.Audit;
using Indgang.Domain.Housing;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Features.Reception;
using Indgang.Web.Platform;
using Indgang.Web.Platform.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Features.People;

/// <summary>
/// The coordinator corrects a residence basis recorded wrong at registration (»Ret opholdsgrundlag« on the person's
/// page): a quota refugee registered as visited, say. The basis decides how day 0 is found, which deadlines apply (the
/// health assessment a quota refugee must be offered) and, for an unaccompanied minor, the household's checklist. It is
/// checked as registration checks it and against the household as it is: an unaccompanied minor under 18 when
/// registered; a household that lives with the person it joined all family-reunified; a visited member needs the date of
/// the visitation decision, asked here when the household has none. The checklist tasks follow, as for a birth date
/// (<see cref="CorrectionTasks"/>), and the log says how many. Of two coordinators correcting the person, the second is
/// shown the first's basis (<see cref="EditConflict"/>).
/// </summary>
public sealed class BasisModel(
    PersonDirectory directory, IndgangDbContext db, CorrectionTasks corrections, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> T)
    : PersonCorrectionPage(directory, db)
{
    public const string Missing = "Vælg opholdsgrundlag.";

    public const string VisitationDecisionMissing =
        "Angiv datoen for visitationsafgørelsen (den står i Udlændingestyrelsens meddelelse): dag 0 for en visiteret regnes fra den.";

    public const string SavedByOtherMessage =
        "Opholdsgrundlaget er ændret af en anden, mens du rettede det. Det, der er gemt nu, står ved feltet. Tryk »Gem« igen for at gemme din rettelse i stedet.";

    /// <summary>Why a task the checklist no longer gives after the correction is closed as not needed.</summary>
    public static readonly Said NoLongerApplies = new("Opholdsgrundlaget er rettet, så opgaven gælder ikke længere.");

    /// <summary>Why a department's tasks were closed, as its notice says it.</summary>
    public static readonly Said Corrected = new("et opholdsgrundlag er rettet");

    [BindProperty]
    public ResidenceBasis? Basis { get; set; }

    /// <summary>The date of the visitation decision, asked only when the household has none (<see cref="AsksVisitationDecision"/>).</summary>
    [BindProperty]
    public DateOnly? VisitationDecisionDate { get; set; }

    /// <summary>The version of the basis the form showed. Not a Guid counts as stale.</summary>
    [BindProperty]
    public Guid? Version { get; set; }

    /// <summary>The household has no date of the visitation decision, which a visited member's day 0 is counted from.</summary>
    public bool AsksVisitationDecision => Household is { VisitationDecisionDate: null };

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }

        Basis = Person.Basis;
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

        if (Basis == person.Basis)
        {
            // Nothing to correct, or the same correction as another's (a double click, say).
            return Redirect($"/People/{id}");
        }

        // Another's correction since the form was opened is not silently replaced.
        if (Shown(person) != Version)
        {
            return SavedByOther(person);
        }

        var datesBefore = household is null ? [] : ChecklistRescheduler.DatesOf(household);
        person.CorrectBasis(Basis!.Value);
        var visitation = "";
        if (household is { VisitationDecisionDate: null } && NeedsVisitation(Basis.Value))
        {
            household.VisitationDecisionDate = VisitationDecisionDate;
            visitation = $", visitationsafgørelse {VisitationDecisionDate:yyyy-MM-dd}";
        }

        var saved = await corrections.SaveAsync(household, datesBefore, User.FindFirstValue(ClaimTypes.NameIdentifier)!, NoLongerApplies, Corrected, HttpContext.RequestAborted);
        if (saved.Ownerless.Count > 0)
        {
            ModelState.AddModelError("", ChecklistTaskFactory.NoDepartmentFor(T, saved.Ownerless));
            return Page();
        }

        if (!saved.Saved)
        {
            return null;
        }

        await audit.RecordAsync(AuditAction.PersonUpdated, id, Purpose, $"Rettet: opholdsgrundlag{visitation}, {saved.Counted}");
        return Redirect($"/People/{id}");
    }

    private static bool NeedsVisitation(ResidenceBasis basis) => basis is ResidenceBasis.VisitedRefugee or ResidenceBasis.UnaccompaniedMinor;

    /// <summary>The basis checked beside the field as registration checks it, and against the household as it is saved now.</summary>
    private void Validate(Person person, Household? household)
    {
        if (Basis is not { } basis || !Enum.IsDefined(basis))
        {
            // Also a value that is no basis: said once, not also as unreadable.
            ModelState.Remove(nameof(Basis));
            ModelState.AddModelError(nameof(Basis), Missing);
            return;
        }

        var registered = person.JoinedOn ?? (household is null ? (DateOnly?)null : DateOnly.FromDateTime(clock.Local(household.RegisteredAt).DateTime));
        if (basis == ResidenceBasis.UnaccompaniedMinor && registered is { } day && Age.IsAdultOn(person.BirthDate, day))
        {
            ModelState.AddModelError(nameof(Basis), ArrivalValidator.UnaccompaniedMinorAdult);
        }
        else if (household is { LivesWithReferencePerson: true }
            && !HousingDuty.MayLiveWithReferencePerson(household.Members.Select(m => m.Id == person.Id ? basis : m.Basis)))
        {
            ModelState.AddModelError(nameof(Basis), ArrivalValidator.JoinsWithoutHome);
        }

        if (household is not { VisitationDecisionDate: null } || !NeedsVisitation(basis))
        {
            ModelState.Remove(nameof(VisitationDecisionDate));
            return;
        }

        if (ModelState[nameof(VisitationDecisionDate)] is { Errors.Count: > 0 } unreadable)
        {
            unreadable.Errors.Clear();
            unreadable.Errors.Add(ArrivalValidator.InvalidDate);
        }
        else if (VisitationDecisionDate is not { } decided)
        {
            ModelState.AddModelError(nameof(VisitationDecisionDate), VisitationDecisionMissing);
        }
        else if (decided > clock.Today())
        {
            ModelState.AddModelError(nameof(VisitationDecisionDate), "Visitationsafgørelsen kan ikke ligge i fremtiden.");
        }
        else if (PlanningHorizon.IsBeforeEarliest(decided))
        {
            ModelState.AddModelError(nameof(VisitationDecisionDate), PlanningHorizon.TooFarBack);
        }
        else if (household.ArrivalDay is { } arrival && arrival < decided)
        {
            ModelState.AddModelError(nameof(VisitationDecisionDate), ArrivalValidator.ArrivalBeforeVisitation);
        }
    }

    /// <summary>
    /// Someone else corrected the basis since the form was opened: what is saved now shows beside the field, and the form
    /// gets its version, so that pressing Gem again saves this correction.
    /// </summary>
    protected override PageResult SavedByOther(Person saved)
    {
        Person = saved;
        Version = this.ShowSavedByOther(nameof(Version), Shown(saved), SavedByOtherMessage, values => values.Field(nameof(Basis), Basis, saved.Basis));
        return Page();
    }

    private static Guid Shown(Person person) => ShownVersion.Of(new { person.Basis });
}
