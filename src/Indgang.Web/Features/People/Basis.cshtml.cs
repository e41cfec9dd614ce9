using Indgang.Domain;
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
    PersonDirectory directory, IndgangDbContext db, CorrectionTasks corrections, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> texts)
    : ChecklistCorrectionPage(directory, db, corrections, audit, clock, texts)
{
    public const string Missing = "Vælg opholdsgrundlag.";

    public const string VisitationDecisionMissing =
        "Angiv datoen for visitationsafgørelsen (den står i Udlændingestyrelsens meddelelse): dag 0 for en visiteret regnes fra den.";

    public const string SavedByOtherMessage =
        "Opholdsgrundlaget er ændret af en anden, mens du rettede det. Det, der er gemt nu, står ved feltet. Tryk »Gem« igen for at gemme din rettelse i stedet.";

    protected override Said NoLongerApplies { get; } = new("Opholdsgrundlaget er rettet, så opgaven gælder ikke længere.");

    protected override Said Corrected { get; } = new("et opholdsgrundlag er rettet");

    [BindProperty]
    public ResidenceBasis? Basis { get; set; }

    /// <summary>The date of the visitation decision, asked only when the household has none (<see cref="AsksVisitationDecision"/>).</summary>
    [BindProperty]
    public DateOnly? VisitationDecisionDate { get; set; }

    /// <summary>The household has no date of the visitation decision, which a visited member's day 0 is counted from.</summary>
    public bool AsksVisitationDecision => Household is { VisitationDecisionDate: null };

    protected override void Show(Person person) => Basis = person.Basis;

    protected override bool IsSaved(Person person) => Basis == person.Basis;

    /// <summary>The basis corrected; a household without a visitation decision date gets the one typed, when the basis needs it.</summary>
    protected override string Correct(Person person, Household? household)
    {
        person.CorrectBasis(Basis!.Value);
        if (household is { VisitationDecisionDate: null } && NeedsVisitation(Basis.Value))
        {
            household.CorrectVisitationDecision(VisitationDecisionDate);
            return $"opholdsgrundlag, visitationsafgørelse {VisitationDecisionDate:yyyy-MM-dd}";
        }

        return "opholdsgrundlag";
    }

    private static bool NeedsVisitation(ResidenceBasis basis) => basis is ResidenceBasis.VisitedRefugee or ResidenceBasis.UnaccompaniedMinor;

    /// <summary>The basis checked beside the field as registration checks it, and against the household as it is saved now.</summary>
    protected override void Validate(Person person, Household? household)
    {
        if (Basis is not { } basis || !Enum.IsDefined(basis))
        {
            // Also a value that is no basis: said once, not also as unreadable.
            ModelState.Remove(nameof(Basis));
            ModelState.AddModelError(nameof(Basis), Missing);
            return;
        }

        if (basis == ResidenceBasis.UnaccompaniedMinor && household is not null && Age.IsAdultOn(person.BirthDate, RegisteredOn(person, household)))
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
        else if (decided > Clock.Today())
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

    protected override Guid Shown(Person person) => ShownVersion.Of(new { person.Basis });
}
