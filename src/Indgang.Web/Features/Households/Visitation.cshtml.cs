using Indgang.Domain.Audit;
using Indgang.Domain.Reception;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Features.People;
using Indgang.Web.Features.Reception;
using Indgang.Web.Platform;
using Indgang.Web.Platform.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Households;

/// <summary>
/// The coordinator corrects the date of Udlændingestyrelsen's visitation decision typed wrong at registration (»Ret
/// visitationsafgørelse« on the household's page). Day 0 of a visited refugee or an unaccompanied minor is counted from
/// it, so the deadlines follow, and so do the open checklist tasks counted from day 0 (<see cref="ChecklistRescheduler"/>).
/// Checked as registration checks it: given while a member needs it, not in the future nor before the planning horizon,
/// and not after the household's arrival. Logged for each member. Of two coordinators correcting it, the second is shown
/// the first's date (<see cref="EditConflict"/>).
/// </summary>
public sealed class VisitationModel(PersonDirectory directory, IndgangDbContext db, ChecklistRescheduler rescheduler, AuditLog audit, TimeProvider clock)
    : HouseholdValuePage(directory, db)
{
    public const string Needed =
        "Angiv datoen for visitationsafgørelsen (den står i Udlændingestyrelsens meddelelse): dag 0 for husstandens visiterede regnes fra den.";

    public const string InTheFuture = "Visitationsafgørelsen kan ikke ligge i fremtiden.";

    public const string AfterTheArrival = "Visitationsafgørelsen kan ikke ligge efter husstandens ankomst. Er ankomsten også forkert, så ret den først.";

    public const string SavedByOtherMessage =
        "Visitationsafgørelsen er ændret af en anden, mens du rettede den. Det, der er gemt nu, står ved feltet. Tryk »Gem« igen for at gemme din dato i stedet.";

    [BindProperty]
    public DateOnly? VisitationDecisionDate { get; set; }

    protected override AuditPurpose Purpose => AuditPurpose.ArrivalChange;

    protected override string SavedByOtherText => SavedByOtherMessage;

    protected override void Show(Domain.People.Household household) => VisitationDecisionDate = household.VisitationDecisionDate;

    protected override void CompareWithSaved(SavedValues values, Domain.People.Household saved) =>
        values.Field(nameof(VisitationDecisionDate), VisitationDecisionDate, saved.VisitationDecisionDate);

    /// <summary>The date saved and logged, or what to show instead; null when the save was refused and may be tried again.</summary>
    protected override async Task<IActionResult?> TrySaveAsync(Guid id)
    {
        var household = await Db.Households.Include(h => h.Members).FirstOrDefaultAsync(h => h.Id == id);
        if (household is null)
        {
            return NotFound();
        }

        Validate(household);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var before = household.VisitationDecisionDate;
        if (VisitationDecisionDate == before)
        {
            // Nothing to correct, or the same correction as another's (a double click, say).
            return Redirect($"/Households/{id}");
        }

        // Another's correction since the form was opened is not silently replaced.
        if (Shown(household) != Version)
        {
            return SavedByOther(household);
        }

        var datesBefore = ChecklistRescheduler.DatesOf(household);
        household.CorrectVisitationDecision(VisitationDecisionDate);
        var moved = await rescheduler.RescheduleFromAsync(household, datesBefore, HttpContext.RequestAborted);
        // Another's change to the household at the same moment refuses the save, and it is read and compared again.
        return await SaveWithMovedTasksAsync(Db, moved, async () =>
        {
            var details = AuditLog.Household(id, $": visitationsafgørelse {Iso(before)} → {Iso(household.VisitationDecisionDate)}, {moved.Count} opgaver flyttet");
            await audit.RecordEachAsync(AuditAction.ArrivalChanged, household.Members.Select(m => ((Guid?)m.Id, (string?)details)), Purpose);
            return Redirect($"/Households/{id}");
        });
    }

    /// <summary>The date checked beside the field as registration checks it, against the household as it is saved now.</summary>
    private void Validate(Domain.People.Household household)
    {
        if (ModelState[nameof(VisitationDecisionDate)] is { Errors.Count: > 0 } unreadable)
        {
            // A text that is no date: said once, as the arrival page says it.
            unreadable.Errors.Clear();
            unreadable.Errors.Add(ArrivalValidator.InvalidDate);
        }
        else if (VisitationDecisionDate is not { } decided)
        {
            if (household.Members.Any(m => m.Basis is ResidenceBasis.VisitedRefugee or ResidenceBasis.UnaccompaniedMinor))
            {
                ModelState.AddModelError(nameof(VisitationDecisionDate), Needed);
            }
        }
        else if (decided > clock.Today())
        {
            ModelState.AddModelError(nameof(VisitationDecisionDate), InTheFuture);
        }
        else if (PlanningHorizon.IsBeforeEarliest(decided))
        {
            ModelState.AddModelError(nameof(VisitationDecisionDate), PlanningHorizon.TooFarBack);
        }
        else if (household.ArrivalDay is { } arrival && arrival < decided)
        {
            ModelState.AddModelError(nameof(VisitationDecisionDate), AfterTheArrival);
        }
    }

    protected override Guid Shown(Domain.People.Household household) => ShownVersion.Of(new { household.VisitationDecisionDate });
}
