using Indgang.Domain.Audit;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Features.People;
using Indgang.Web.Features.Reception;
using Indgang.Web.Platform;
using Indgang.Web.Platform.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Features.Households;

/// <summary>
/// The coordinator moves the household's expected arrival, or records the day it came; day 0 and the deadlines follow,
/// and so do the open checklist tasks (<see cref="ChecklistRescheduler"/>). The change is logged for each member.
/// </summary>
public sealed class ArrivalModel(PersonDirectory directory, IndgangDbContext db, ChecklistRescheduler rescheduler, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> T)
    : HouseholdValuePage(directory, db)
{
    [BindProperty]
    public DateOnly? ExpectedArrival { get; set; }

    [BindProperty]
    public DateOnly? ArrivedOn { get; set; }

    public HouseholdMoveIn? MoveIn { get; private set; }

    public DateOnly Today => clock.Today();

    /// <summary>The household has come: its expected arrival is history.</summary>
    public bool HasArrived => Household.ArrivedOn is not null;

    protected override AuditPurpose Purpose => AuditPurpose.ArrivalChange;

    protected override string SavedByOtherText =>
        "Husstanden er ændret af en anden, mens du rettede ankomsten. Det, der er gemt nu, står ved de felter, hvor det er anderledes end det, du har skrevet. Tryk »Gem« igen for at gemme dine datoer i stedet.";

    protected override void Show(Domain.People.Household household)
    {
        ExpectedArrival = household.ExpectedArrival;
        ArrivedOn = household.ArrivedOn;
    }

    protected override void CompareWithSaved(SavedValues values, Domain.People.Household saved)
    {
        values.Field(nameof(ExpectedArrival), ExpectedArrival, saved.ExpectedArrival);
        values.Field(nameof(ArrivedOn), ArrivedOn, saved.ArrivedOn);
    }

    /// <summary>The version of the dates the form showed: a change by someone else to anything else of the household (a member added, another coordinator) does not stop the save.</summary>
    protected override Guid Shown(Domain.People.Household household) => ShownVersion.Of(new { household.ExpectedArrival, household.ArrivedOn });

    /// <summary>The dates saved and logged, or what to show instead; null when the save was refused and may be tried again.</summary>
    protected override async Task<IActionResult?> TrySaveAsync(Guid id)
    {
        if (!Validate())
        {
            return Page();
        }

        // Dates saved by someone else since the form was opened are not overwritten; the same dates as typed here (a
        // double click, say) are simply taken as saved.
        if (Shown(Household) != Version)
        {
            return (HasArrived || ExpectedArrival == Household.ExpectedArrival) && ArrivedOn == Household.ArrivedOn
                ? Redirect($"/Households/{id}")
                : SavedByOther(Household);
        }

        var household = await Db.Households.Include(h => h.Members).FirstOrDefaultAsync(h => h.Id == id);
        if (household is null)
        {
            return NotFound();
        }

        var (expectedBefore, arrivedBefore) = (household.ExpectedArrival, household.ArrivedOn);
        // Saved over the household as read before the checks above: a change by another since then refuses the save.
        Db.Entry(household).Property(h => h.Version).OriginalValue = Household.Version;
        household.SetArrival(HasArrived ? household.ExpectedArrival : ExpectedArrival, ArrivedOn);
        if (household.ExpectedArrival == expectedBefore && household.ArrivedOn == arrivedBefore)
        {
            return Redirect($"/Households/{id}");
        }

        var moved = await rescheduler.RescheduleAsync(household, new[] { arrivedBefore, expectedBefore }.OfType<DateOnly>().ToList(), HttpContext.RequestAborted);
        // A task its department takes at the same moment still moves (tried again at most twice).
        return await SaveWithMovedTasksAsync(Db, moved, async () =>
        {
            var details = AuditLog.Household(id, $": forventet ankomst {Iso(expectedBefore)} → {Iso(household.ExpectedArrival)}, ankommet {Iso(arrivedBefore)} → {Iso(household.ArrivedOn)}, {moved.Count} opgaver flyttet");
            await audit.RecordEachAsync(AuditAction.ArrivalChanged, household.Members.Select(m => ((Guid?)m.Id, (string?)details)), Purpose);
            return Redirect($"/Households/{id}");
        });
    }

    /// <summary>
    /// A typed value that is no date gets one message (not the binder's, which repeats what was typed), and the rules
    /// are checked for the fields that are dates.
    /// </summary>
    private bool Validate()
    {
        if (HasArrived)
        {
            ModelState.Remove(nameof(ExpectedArrival));
        }

        var dates = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in new[] { nameof(ExpectedArrival), nameof(ArrivedOn) })
        {
            if (ModelState[field] is { Errors.Count: > 0 } entry)
            {
                entry.Errors.Clear();
                entry.Errors.Add(ArrivalValidator.InvalidDate);
            }
            else
            {
                dates.Add(field);
            }
        }

        var change = new ArrivalChange(ExpectedArrival, ArrivedOn, !HasArrived, Household.VisitationDecisionDate, MoveIn);
        foreach (var (key, messages) in ArrivalValidator.ValidateChange(change, dates, Today, T))
        {
            messages.ForEach(m => ModelState.AddModelError(key, m));
        }

        return ModelState.IsValid;
    }

    protected override async Task<IActionResult?> LoadAsync(Guid id)
    {
        if (await LoadHouseholdAsync(id, Purpose) is { } refused)
        {
            return refused;
        }

        MoveIn = await (from o in Db.Occupancies.AsNoTracking()
                        join u in Db.HousingUnits.AsNoTracking() on o.UnitId equals u.Id
                        where o.HouseholdId == id
                        orderby o.MovedInOn
                        select new HouseholdMoveIn(o.MovedInOn, u.Label)).FirstOrDefaultAsync();
        return null;
    }
}
