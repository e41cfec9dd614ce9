using Indgang.Domain.Audit;
using Indgang.Domain.Housing;
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
/// A member joins the household later, typically by family reunification (REC-5): the member is
/// added with their relation to member 1 and gets their own checklist tasks. Of two coordinators adding the same member
/// at the same moment, the second is told the member exists, as when it was added before (the household's version
/// changes with each member, so the second save is refused). A save of the household by another at the same moment that
/// changed nothing about its members (a coordinator handed over, the arrival moved) does not refuse the member: the
/// household is read and checked again. The member's own arrival in the municipality is asked for (<see cref="JoinedOn"/>):
/// their day 0 is estimated from it while their CPR registration is not known, never from the household's arrival.
/// </summary>
public sealed class AddMemberModel(
    PersonDirectory directory, IndgangDbContext db, ArrivalRegistration registration, ChecklistTaskFactory tasks, Housing.HousingMoves moves, AuditLog audit, TimeProvider clock,
    IStringLocalizer<SharedResource> T)
    : CaseOwnerPage(directory), IMemberForm
{
    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    /// <summary>
    /// The day the member came to the municipality (<see cref="Domain.People.Person.JoinedOn"/>): today unless told
    /// otherwise, or the household's arrival when it has not come yet. The household's own arrival saves the member as
    /// one who came with it.
    /// </summary>
    [BindProperty]
    public DateOnly? JoinedOn { get; set; }

    [BindProperty]
    public DateOnly? CprRegisteredOn { get; set; }

    /// <summary>The refusal of an empty <see cref="JoinedOn"/>.</summary>
    public const string JoinedOnMissing = "Angiv datoen, hvor medlemmet kom til kommunen.";

    public string? MemberLegend => "Nyt medlem";

    public string? RelationTo => FirstMemberName;

    /// <summary>The member the new one's relation is given to (the eldest), named on the page and so audited as read.</summary>
    public string FirstMemberName => FirstMember(Household).FullName;

    private static Domain.People.Person FirstMember(Domain.People.Household household) => household.Members.OrderBy(m => m.BirthDate).First();

    private Task<IActionResult?> LoadHouseholdAsync(Guid id) => LoadHouseholdAsync(id, AuditPurpose.AddMember, h => [FirstMember(h).Id]);

    public bool AsksRelation(int index) => true;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadHouseholdAsync(id) is { } refused)
        {
            return refused;
        }

        Input.Members = [new MemberInput { Basis = Domain.Reception.ResidenceBasis.FamilyReunified }];
        JoinedOn = ChecklistTaskFactory.JoinsOn(Household, clock.Today());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await TryAddAsync(id, attempt) is { } result)
            {
                return result;
            }
        }
    }

    /// <summary>
    /// Checks the member and adds them; null when the save was refused by another's save of the household at the same
    /// moment that did not touch its members, to be tried again.
    /// </summary>
    private async Task<IActionResult?> TryAddAsync(Guid id, int attempt)
    {
        if (await LoadHouseholdAsync(id) is { } refused)
        {
            return refused;
        }

        if (Input.Members.Count != 1)
        {
            return BadRequest();
        }

        var member = Input.Members[0].ToMember();
        var today = clock.Today();
        var errors = new ArrivalErrors();
        ArrivalValidator.ValidateMember(member, "Members[0]", 1, today, errors);
        if (ArrivalValidator.RelationAgeRefusal(member, FirstMember(Household).BirthDate, today) is { } agesDoNotFit)
        {
            errors.Add("Members[0].RelationToFirst", agesDoNotFit);
        }

        if (Household.LivesWithReferencePerson && !HousingDuty.MayLiveWithReferencePerson([member.Basis]))
        {
            errors.Add("Members[0].Basis", ArrivalValidator.JoinsWithoutHome);
        }
        ValidateJoinedOn(today);
        if (CprRegisteredOn > today)
        {
            ModelState.AddModelError(nameof(CprRegisteredOn), "Datoen kan ikke ligge i fremtiden.");
        }
        else if (CprRegisteredOn is { } registered && Platform.PlanningHorizon.IsBeforeEarliest(registered))
        {
            // The member's day 0: a year such as 0026 made every deadline overdue.
            ModelState.AddModelError(nameof(CprRegisteredOn), Platform.PlanningHorizon.TooFarBack);
        }

        if (errors.Count == 0)
        {
            await registration.AddTakenCprsAsync([member], errors);
        }

        if (errors.Count == 0 && !Input.ConfirmDuplicates && (await registration.PossibleDuplicatesAsync([member])).Count > 0)
        {
            errors.Add("Members[0].FirstName", "Der findes allerede en borger med samme navn og fødselsdato. Er det en anden person, så sæt kryds i »Opret alligevel«.");
        }

        foreach (var (key, messages) in errors)
        {
            messages.ForEach(m => ModelState.AddModelErrorOnce($"Input.{key}", m));
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var household = await db.Households.Include(h => h.Members).FirstAsync(h => h.Id == id);
        // Saved only over the household as it was before the duplicate check: a member added by someone else since
        // (the same one, at the same moment) makes this save fail instead of adding them twice.
        db.Entry(household).Property(h => h.Version).OriginalValue = Household.Version;
        var checklistBefore = Reception.ChecklistRescheduler.DatesOf(household);
        var person = ArrivalRegistration.ToPerson(member);
        person.CprRegisteredOn = CprRegisteredOn;
        // A member who came on the household's own arrival came with it, and follows it if that day is corrected.
        person.JoinedOn = JoinedOn == household.ArrivalDay ? null : JoinedOn;
        household.AddMember(person);
        if (member.RelationToFirst is { } relation)
        {
            ArrivalRegistration.Relate(household, household.Members.OrderBy(m => m.BirthDate).First(m => m.Id != person.Id), person, relation);
        }

        var ownerless = await tasks.AddForJoiningMemberAsync(household, person, HttpContext.RequestAborted);
        if (ownerless.Count == 0)
        {
            // The household's own tasks the member's joining brings (the family consultant's offer for a first child).
            ownerless = await tasks.AddHouseholdTasksAfterJoiningAsync(household, checklistBefore, today, HttpContext.RequestAborted);
        }

        if (ownerless.Count > 0)
        {
            ModelState.AddModelError("", Reception.ChecklistTaskFactory.NoDepartmentFor(T, ownerless));
            return Page();
        }

        // Where the household lives, the new member lives too: one more bed, and the housing coordinator told if the
        // home no longer fits.
        await moves.MemberJoinedAsync(household.Id, household.Name, household.Members.Count, HttpContext.RequestAborted);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException conflict)
        {
            db.ChangeTracker.Clear();
            var householdConflict = conflict.Entries.Any(e => e.Entity is Domain.People.Household);
            // Another's save of the household that changed nothing about its members (a coordinator handed over, the
            // arrival moved) is no reason to refuse: the household is read and checked again, and saved over as then.
            if (householdConflict && attempt < ShownVersion.Attempts && await MembersUnchangedAsync(id))
            {
                return null;
            }

            if (!Input.ConfirmDuplicates && (await registration.PossibleDuplicatesAsync([member])).Count > 0)
            {
                ModelState.AddModelError("Input.Members[0].FirstName", "Der findes allerede en borger med samme navn og fødselsdato. Er det en anden person, så sæt kryds i »Opret alligevel«.");
            }
            else if (householdConflict)
            {
                ModelState.AddModelError("", "Husstanden er lige blevet ændret af en anden. Se efter, om medlemmet allerede er tilføjet, og prøv igen.");
            }
            else
            {
                ModelState.AddModelError("", "Husstandens bolig er lige blevet ændret af en anden. Prøv igen.");
            }

            return Page();
        }

        await audit.RecordAsync(AuditAction.MemberAdded, person.Id, AuditPurpose.FamilyReunificationMember, AuditLog.Household(id));
        return Redirect($"/Households/{id}");
    }

    /// <summary>
    /// The member's arrival: given (a text that is no date is already refused by the binding), not before the household's
    /// (a member who came with it is added with its arrival; an earlier day would make every deadline overdue before
    /// they were here), and within the planning horizon (a member expected later may be added ahead).
    /// </summary>
    private void ValidateJoinedOn(DateOnly today)
    {
        if (ModelState.TryGetValue(nameof(JoinedOn), out var entry) && entry.Errors.Count > 0)
        {
            return;
        }

        if (JoinedOn is not { } joined)
        {
            ModelState.AddModelError(nameof(JoinedOn), JoinedOnMissing);
        }
        else if (Household.ArrivalDay is { } arrival && joined < arrival)
        {
            ModelState.AddModelError(nameof(JoinedOn), T["Medlemmet kan ikke være kommet før husstanden ({0:d. MMMM yyyy}).", arrival].Value);
        }
        else if (PlanningHorizon.IsBeyond(joined, today))
        {
            ModelState.AddModelError(nameof(JoinedOn), PlanningHorizon.TooFarAhead);
        }
    }


    /// <summary>Whether the household's members are still those read before the duplicate check.</summary>
    private async Task<bool> MembersUnchangedAsync(Guid id)
    {
        var now = await db.Persons.AsNoTracking().Where(p => p.HouseholdId == id).Select(p => p.Id).ToListAsync();
        return now.ToHashSet().SetEquals(Household.Members.Select(m => m.Id));
    }
}
