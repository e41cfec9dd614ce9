using Indgang.Domain;
using Indgang.Domain.Audit;
using Indgang.Domain.Housing;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Features.Reception;
using Indgang.Web.Features.Notifications;
using Indgang.Web.Features.Tasks;
using Indgang.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Features.Housing;

/// <summary>
/// Whether a move succeeded, and if not why. <paramref name="AboutTheDay"/>: the refusal is about the day asked for (a
/// page shows it beside the date field), not about the household or the unit; another day may be allowed.
/// </summary>
public sealed record MoveResult(bool Succeeded, string? Error, bool AboutTheDay = false)
{
    /// <summary>
    /// Of a move to another of our units (<see cref="HousingMoves.MoveToAnotherUnitAsync"/>): refused by the move into
    /// the new unit, not by the move out of the old one, and not about the day: a page shows it beside the new unit.
    /// </summary>
    public bool AboutTheNewUnit { get; init; }

    /// <summary>What else a move that succeeded did, or could not do, to tell the coordinator (Danish, localized).</summary>
    public string? Told { get; init; }

    public static MoveResult Ok { get; } = new(true, null);

    public static MoveResult Refused(string error) => new(false, error);

    /// <summary>Refused because of the day asked for (<see cref="AboutTheDay"/>).</summary>
    public static MoveResult RefusedDay(string error) => new(false, error, AboutTheDay: true);
}

/// <summary>
/// Moves households into and out of units (HOUSE-2). The unit's concurrency token makes a double
/// booking impossible: of two coordinators assigning the last beds at once, exactly one succeeds.
/// </summary>
public sealed class HousingMoves(
    IndgangDbContext db, AuditLog audit, ChecklistTaskFactory tasks, ChecklistRescheduler rescheduler, AgreedMoveTasks moveTasks, RegistrationHelp help,
    TimeProvider clock, IStringLocalizer<SharedResource> T)
{
    public const string TakenByOther = "Boligen er lige blevet tildelt af en anden. Opdatér siden, og vælg en anden bolig.";
    public const string HouseholdChangedByOther = "Husstanden er lige blevet ændret af en anden. Opdatér siden, og prøv igen.";
    public const string MovedElsewhereByOther = "Husstanden er lige blevet flyttet ind i en anden bolig af en anden. Opdatér siden.";
    public const string TaskChangedByOther = "En af fraflytningens opgaver er lige blevet ændret af dens afdeling. Prøv igen.";
    public const string HouseholdTaskChangedByOther = "En af husstandens opgaver er lige blevet ændret af dens afdeling. Prøv igen.";
    public const string LivesWithReferencePerson = "Husstanden skal bo hos den herboende, den er familiesammenført til, og får ikke en bolig fra kommunen. Skal den have en alligevel, så ret det under »Bolig fra kommunen« på husstandens side først.";

    /// <summary>The day asked for is wrong, not the household or its stay: the API answers it under the day's field.</summary>
    public const string MoveOutBeforeMoveIn = "Fraflytningen kan ikke ligge før indflytningen.";

    /// <summary>
    /// Why <paramref name="moveIn"/> cannot be the household's move-in as the arrival rules stand: a household moves in on
    /// or after the day it came (the arrival page holds the arrival to the first move-in), and a move-in that has happened
    /// before an arrival is recorded becomes the arrival, which cannot lie before the visitation decision. Without these,
    /// a mistyped month would leave an arrival that no date on the arrival page could correct.
    /// </summary>
    internal string? ArrivalRefusal(Domain.People.Household household, DateOnly moveIn, DateOnly today)
    {
        if (household.ArrivedOn is { } arrived && moveIn < arrived)
        {
            return T["Husstanden kom {0:d. MMMM yyyy}. Indflytningen kan ikke ligge før ankomsten.", arrived];
        }

        if (household.ArrivedOn is null && moveIn <= today && household.VisitationDecisionDate is { } decided && moveIn < decided)
        {
            return T["Indflytningen bliver husstandens ankomst og kan ikke ligge før visitationsafgørelsen {0:d. MMMM yyyy}.", decided];
        }

        return null;
    }

    public async Task<MoveResult> MoveInAsync(Guid unitId, Guid householdId, DateOnly moveIn, CancellationToken cancellationToken = default)
    {
        var unit = await db.HousingUnits.FirstOrDefaultAsync(u => u.Id == unitId, cancellationToken);
        var household = await db.Households.Include(h => h.Members).Include(h => h.Relations).FirstOrDefaultAsync(h => h.Id == householdId, cancellationToken);
        if (unit is null || household is null)
        {
            return MoveResult.Refused("Boligen eller husstanden findes ikke.");
        }

        // No duty to house it (integrationsloven § 12), so it is offered no unit; the coordinator can say otherwise.
        if (household.LivesWithReferencePerson)
        {
            return MoveResult.Refused(LivesWithReferencePerson);
        }

        var today = clock.Today();
        if (Platform.PlanningHorizon.IsBeyond(moveIn, today))
        {
            return MoveResult.RefusedDay(Platform.PlanningHorizon.TooFarAhead);
        }

        if (ArrivalRefusal(household, moveIn, today) is { } beforeArrival)
        {
            return MoveResult.RefusedDay(beforeArrival);
        }

        // Its home on the move-in day, if any (an accepted move out on a later day keeps it there until then).
        var home = await db.Occupancies.AsNoTracking().HomeOn(moveIn)
            .Where(o => o.HouseholdId == householdId)
            .Select(o => new { o.MovedOutOn }).FirstOrDefaultAsync(cancellationToken);
        if (home is not null)
        {
            return home.MovedOutOn is { } movesOut
                ? MoveResult.RefusedDay(T["Husstanden bor i sin nuværende bolig til {0:d. MMMM yyyy}. Vælg en indflytningsdato fra den dag.", movesOut])
                : MoveResult.Refused("Husstanden bor allerede i en bolig. Registrér fraflytningen først.");
        }

        // A planned move-in cannot come before the household does: the move-in day becomes its arrival, and day 0 and
        // every deadline with it. (A move-in today or before records an early arrival that has happened.)
        if (moveIn > today && household.AnnouncedArrival is { } expected && moveIn < expected)
        {
            return MoveResult.RefusedDay(T["Husstanden ventes først {0:d. MMMM yyyy}. Vælg en indflytningsdato fra den dag.", expected]);
        }

        // Adults by their age on the move-in day, as the placement and the rent cap count them: one who comes of age
        // before a planned move-in may have a shared room.
        var children = household.Members.Count(m => Domain.People.Age.On(m.BirthDate, moveIn) < Domain.People.Age.AgeOfMajority);
        var adults = household.Members.Count - children;
        if (unit.RefusalFor(household.Members.Count, adults == 1 && children == 0, moveIn) is { } refusal)
        {
            var why = T.Say(refusal);
            return refusal.Text == HousingUnit.NotFreeOnTheDay ? MoveResult.RefusedDay(why) : MoveResult.Refused(why);
        }

        // A shared room's beds by day: a resident moving out later keeps a bed until then.
        if (unit.IsSharedRoom && (await SharedRoomResidents.BedsTakenFromAsync(db, moveIn, unit.Id, cancellationToken)).GetValueOrDefault(unit.Id) is var taken
            && taken + household.Members.Count > unit.Beds)
        {
            // A shared room is for single adults (refused above otherwise): one bed is what the household needs.
            return MoveResult.Refused(T["Der er ingen ledig seng i deleboligen fra {0:d. MMMM yyyy}.", moveIn]);
        }

        if (unit.IsSharedRoom && SharedRoomResidents.RefusalFor(
                household.Members[0].Gender, (await SharedRoomResidents.GendersAsync(db, moveIn, unit.Id, cancellationToken)).GetValueOrDefault(unit.Id)) is { } mixed)
        {
            return MoveResult.Refused(mixed);
        }

        if (!unit.IsPermanent && RentCaps.For(await db.RentCaps.AsNoTracking().ToListAsync(cancellationToken), moveIn.Year, RentCap.CategoryOf(household, moveIn)) is { } cap && unit.MonthlyRent > cap)
        {
            return MoveResult.Refused(T["Huslejen ({0:N0} kr.) overstiger loftet for husstanden ({1:N0} kr. om måneden).", unit.MonthlyRent, cap]);
        }

        // The move-in day is the household's arrival unless one is recorded: a move-in that has happened records it, a
        // planned one becomes the expected arrival (an arrival is never recorded ahead of the day). Open checklist tasks
        // follow the arrival, as when the coordinator moves it by hand.
        var stay = new Occupancy(unit.Id, household.Id, household.Members.Count, moveIn, !unit.IsPermanent);
        if (household.ArrivedOn is null)
        {
            var expectedBefore = household.ExpectedArrival;
            if (moveIn <= today)
            {
                household.SetArrival(expectedBefore, arrivedOn: moveIn);
            }
            else
            {
                household.SetArrival(moveIn, arrivedOn: null);
                stay.PlannedForExpectedArrival(expectedBefore);
            }

            await rescheduler.RescheduleAsync(household, expectedBefore is { } before ? [before] : [], cancellationToken);
        }

        unit.MoveIn(household.Members.Count);
        household.HomeGiven();
        db.Occupancies.Add(stay);
        if (await tasks.AddMoveInTasksAsync(household, stay.Id, moveIn, unit.Label, temporary: !unit.IsPermanent, help.UserId, cancellationToken) is { Count: > 0 } ownerless)
        {
            db.ChangeTracker.Clear();
            return MoveResult.Refused(ChecklistTaskFactory.NoDepartmentFor(T, ownerless));
        }

        // Its first permanent home from us: the duty to house it is fulfilled (§ 12), so it needs no help to register with
        // the housing associations, nor motivation to move on.
        if (unit.IsPermanent)
        {
            await help.NotNeededInPermanentHomeAsync(household, cancellationToken);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException conflict)
        {
            db.ChangeTracker.Clear();
            // A task the move takes over or closes was changed by its department at the same moment; or the household
            // changed: moved in elsewhere by another, or changed otherwise (its arrival, or it is to live with the person
            // it joined); or the unit was given to another.
            return MoveResult.Refused(conflict.Entries.Any(e => e.Entity is Domain.Tasks.CaseTask) ? HouseholdTaskChangedByOther
                : !conflict.Entries.Any(e => e.Entity is Domain.People.Household) ? TakenByOther
                : await db.Occupancies.HomeOn(moveIn).AnyAsync(o => o.HouseholdId == householdId, cancellationToken) ? MovedElsewhereByOther
                : HouseholdChangedByOther);
        }
        catch (DbUpdateException exception) when (UniqueViolation.Is(exception))
        {
            // Someone moved the same household into another unit at the same moment (one open stay per household).
            db.ChangeTracker.Clear();
            return MoveResult.Refused(MovedElsewhereByOther);
        }

        var movedIn = $"Bolig {unit.Id:D} ({unit.Label}) fra {moveIn:yyyy-MM-dd}";
        await audit.RecordEachAsync(AuditAction.MovedIn, household.Members.Select(m => ((Guid?)m.Id, (string?)movedIn)), AuditPurpose.MoveIn, cancellationToken);

        return MoveResult.Ok;
    }

    /// <summary>
    /// A move-in still ahead is called off by <paramref name="userId"/> (the household does not come, or it is to live
    /// elsewhere): the stay is removed, as it never began, the unit's beds are free again, and the move-in's still open
    /// tasks (the stay's lease, keys and house rules, and the help to register unless another home of ours is its now or
    /// ahead) close as not needed, each department told; another home's move-in tasks stay as they are. The household waits for a home again;
    /// a later move-in brings the tasks anew, also those done for this home when it was the household's first
    /// (<see cref="ChecklistTaskFactory.AddMoveInTasksAgainAsync"/>). A department that takes or closes one of the tasks at the same moment keeps
    /// what it did.
    /// </summary>
    public async Task<MoveResult> CallOffMoveInAsync(Guid occupancyId, string userId, CancellationToken cancellationToken = default)
    {
        var today = clock.Today();
        var stay = await db.Occupancies.FirstOrDefaultAsync(o => o.Id == occupancyId && o.MovedInOn > today && o.MovedOutOn == null, cancellationToken);
        if (stay is null)
        {
            return MoveResult.Refused(NoMoveInAhead);
        }

        // A move out agreed once and called off again left its closed tasks on the stay: it stays, for them.
        var moveOut = Domain.Reception.MoveTasks.MoveOut;
        if (await db.Tasks.AnyAsync(t => t.OccupancyId == stay.Id && moveOut.Contains(t.Type), cancellationToken))
        {
            return MoveResult.Refused("Indflytningen har haft en aftalt fraflytning, hvis opgaver hører til den. Registrér en fraflytning på indflytningsdagen i stedet.");
        }

        var unit = await db.HousingUnits.FirstAsync(u => u.Id == stay.UnitId, cancellationToken);
        var household = await db.Households.Include(h => h.Members).FirstAsync(h => h.Id == stay.HouseholdId, cancellationToken);
        unit.MoveInCalledOff(stay.Beds);
        db.Occupancies.Remove(stay);
        var reason = new Said("Indflytningen i {0} er fortrudt.", unit.Label);
        // The stay's own move-in tasks close (another home's are its own; the removed stay's tasks keep no tie to it). The
        // help to register for a permanent home and the motivation to move on go with it, unless the household has
        // another home of ours now or ahead.
        IReadOnlyList<Domain.Reception.TaskType> alsoClosing = stay.IsTemporary && !await db.Occupancies.HomeOn(today).AnyAsync(o => o.HouseholdId == household.Id && o.Id != stay.Id, cancellationToken)
            ? Domain.Reception.MoveTasks.OfTemporaryHousing
            : [];
        await tasks.CloseMoveInAsync(household, stay.Id, alsoClosing, userId, reason, new Said("indflytningen i {0} er fortrudt", unit.Label), cancellationToken);
        // A move-in to one of our permanent units had made the help to register and the motivation to move on not needed;
        // still in our temporary housing, the household needs them again.
        if (!stay.IsTemporary
            && await db.Occupancies.HomeOn(today).AnyAsync(o => o.HouseholdId == household.Id && o.Id != stay.Id && o.IsTemporary, cancellationToken)
            && await help.NeededAgainWithoutPermanentHomeAsync(household, cancellationToken) is { Count: > 0 } ownerless)
        {
            db.ChangeTracker.Clear();
            return MoveResult.Refused(ChecklistTaskFactory.NoDepartmentFor(T, ownerless));
        }

        // The expected arrival the move-in set goes back to what it was, with the checklist tasks it moved, unless it has
        // been changed since (the coordinator's date stands) or the household has arrived.
        var moved = new Dictionary<Guid, RescheduledTask>();
        if (household.ArrivedOn is null && household.ExpectedArrival == stay.MovedInOn && stay.ExpectedArrivalBefore is { } before && before != stay.MovedInOn)
        {
            household.SetArrival(before, arrivedOn: null);
            moved = (await rescheduler.RescheduleAsync(household, [stay.MovedInOn], cancellationToken)).ToDictionary(m => m.Task.Id);
        }

        // Its first home undone: a lease, keys or house rules done for it were for a home that never came, and wait for the
        // next as open tasks again. Before, the lease done still counted, and the home chosen next got none.
        if (await tasks.AddMoveInTasksAgainAsync(household, stay.Id, unit.Label, userId, today, cancellationToken) is { Count: > 0 } ownerlessAgain)
        {
            db.ChangeTracker.Clear();
            return MoveResult.Refused(ChecklistTaskFactory.NoDepartmentFor(T, ownerlessAgain));
        }

        // A task its department took at the same moment still gets what the undo does to it: moved (unless the department
        // gave it another date), or closed.
        if (await db.SaveOverTaskChangesAsync(
                task =>
                {
                    if (!moved.TryGetValue(task.Id, out var move))
                    {
                        task.CloseAsNotNeeded(userId, reason, clock.GetUtcNow());
                    }
                    else if (task.DueDate == move.From)
                    {
                        task.Reschedule(move.To);
                    }
                },
                cancellationToken) is { } conflict)
        {
            return MoveResult.Refused(ChangedByOther(conflict));
        }

        var arrival = household.ExpectedArrival != stay.MovedInOn ? $", forventet ankomst {stay.MovedInOn:yyyy-MM-dd} → {household.ExpectedArrival:yyyy-MM-dd}" : "";
        await audit.RecordEachAsync(AuditAction.MoveInCalledOff, household.Members.Select(m => ((Guid?)m.Id, (string?)$"Bolig {unit.Id:D} ({unit.Label}) fra {stay.MovedInOn:yyyy-MM-dd}{arrival}")),
            AuditPurpose.MoveInUndone, cancellationToken);
        return await StayOnWhereItLivesAsync(household.Id, stay.MovedInOn, cancellationToken);
    }

    /// <summary>
    /// With a move-in called off that the household was to make straight from another of our units (its move out from
    /// there, to another of our units, agreed for the move-in day, as <see cref="MoveToAnotherUnitAsync"/> makes it): it
    /// stays on where it lives, that move out called off too. Before, the move out stood, and on the day the household
    /// would have moved out to wait for a home. When it cannot stay on (the unit is another household's from then), the
    /// move out stands, and the coordinator is told why. A move out agreed for an earlier day (a two-step move) stands, and
    /// the coordinator is told so; one made today stands too (it cannot be called off), and they are told the household
    /// waits for a home.
    /// </summary>
    private async Task<MoveResult> StayOnWhereItLivesAsync(Guid householdId, DateOnly day, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var from = await db.Occupancies.AsNoTracking()
            .Where(o => o.HouseholdId == householdId && o.MovedOutOn >= today && o.MovedOutOn <= day && o.Destination == MoveOutDestination.OtherMunicipalUnit)
            .OrderByDescending(o => o.MovedOutOn)
            .Join(db.HousingUnits, o => o.UnitId, u => u.Id, (o, u) => new { o.Id, o.MovedOutOn, u.Label })
            .FirstOrDefaultAsync(cancellationToken);
        if (from is null)
        {
            return MoveResult.Ok;
        }

        if (from.MovedOutOn == today)
        {
            // A move out today has happened and cannot be called off (ChangeAgreedMoveOutAsync): before, nothing was said,
            // though the household has no home from today.
            return MoveResult.Ok with
            {
                Told = T["Husstanden er flyttet ud af {0} i dag, og det kan ikke fortrydes. Den venter nu på en bolig.", from.Label].Value,
            };
        }

        if (from.MovedOutOn != day)
        {
            // A move out agreed for an earlier day than the move-in (a deliberate two-step move) is the coordinator's to
            // keep or call off: it stands, and they are told that the household will wait for a home from then.
            return MoveResult.Ok with
            {
                Told = T["Fraflytningen fra {0} {1:d. MMMM yyyy} står stadig, og husstanden kommer til at vente på en bolig derfra. Skal den blive boende, så fortryd fraflytningen på boligens side.", from.Label, from.MovedOutOn!.Value].Value,
            };
        }

        var stayed = await ChangeAgreedMoveOutAsync(from.Id, null, null, cancellationToken);
        return MoveResult.Ok with
        {
            Told = stayed.Succeeded
                ? T["Husstanden bliver boende i {0}: fraflytningen derfra er også fortrudt.", from.Label].Value
                : T["Fraflytningen fra {0} {1:d. MMMM yyyy} står stadig, og husstanden kommer til at vente på en bolig: {2}", from.Label, day, T[stayed.Error!].Value].Value,
        };
    }

    /// <summary>A move out of a permanent unit to another of ours (<see cref="HousingDuty.DestinationsFrom"/>).</summary>
    public const string FirstPermanentHomeGiven =
        "Husstanden har fået sin første permanente bolig fra kommunen, og dermed er boligpligten opfyldt (integrationsloven § 12): den kommer ikke til at vente på en ny bolig fra kommunen. Vælg egen bolig eller fraflyttet kommunen.";

    /// <summary>A move out of a stay that is not there (or, on a unit's page, not the unit's), or has ended already.</summary>
    public const string NoSuchStay = "Beboelsen findes ikke eller er allerede afsluttet.";

    public const string NoMoveInAhead = "Der er ingen kommende indflytning at fortryde: husstanden er flyttet ind, eller indflytningen er ændret.";

    /// <summary>
    /// The household moves out of the unit on the day, to <paramref name="to"/> (<see cref="MoveOutDestination"/>); the
    /// end of the lease, the keys handed back and the inspection become tasks due that day. From temporary housing to a
    /// home of its own or away, its help to register for a permanent home is not needed (<see cref="RegistrationHelp"/>).
    /// </summary>
    public async Task<MoveResult> MoveOutAsync(Guid occupancyId, DateOnly moveOut, MoveOutDestination to, CancellationToken cancellationToken = default)
    {
        var occupancy = await db.Occupancies.FirstOrDefaultAsync(o => o.Id == occupancyId && o.MovedOutOn == null, cancellationToken);
        return occupancy is null ? MoveResult.Refused(NoSuchStay) : await MoveOutAsync(occupancy, moveOut, to, cancellationToken);
    }

    /// <summary>The move out of <see cref="MoveOutAsync(Guid, DateOnly, MoveOutDestination, CancellationToken)"/>, of a stay read (tracked) and not moved out.</summary>
    private async Task<MoveResult> MoveOutAsync(Occupancy occupancy, DateOnly moveOut, MoveOutDestination to, CancellationToken cancellationToken)
    {
        if (moveOut < occupancy.MovedInOn)
        {
            return MoveResult.Refused(MoveOutBeforeMoveIn);
        }

        // A mistyped year (9999) would be the day the move's tasks are counted from.
        if (Platform.PlanningHorizon.IsBeyond(moveOut, clock.Today()))
        {
            return MoveResult.Refused(Platform.PlanningHorizon.TooFarAhead);
        }

        if (!occupancy.MayMoveOutTo(to))
        {
            return MoveResult.Refused(FirstPermanentHomeGiven);
        }

        var unit = await db.HousingUnits.FirstAsync(u => u.Id == occupancy.UnitId, cancellationToken);
        occupancy.MoveOut(moveOut, to);
        unit.MoveOut(occupancy.Beds, moveOut);
        var household = await db.Households.Include(h => h.Members).FirstAsync(h => h.Id == occupancy.HouseholdId, cancellationToken);
        // Out on the day it moved in (a move-in today made by mistake cannot be called off, as one ahead can; nor one ahead
        // that once had an agreed move out): the move-in is put right, and while none of its lease, keys and house rules
        // was done, there is no lease to end, no keys to hand back and no unit to inspect. Before, those tasks were made
        // and left open for a lease never made.
        var outOnMoveInDay = moveOut == occupancy.MovedInOn;
        var moveIn = Domain.Reception.MoveTasks.MoveIn;
        var neverBegun = outOnMoveInDay && !await db.Tasks.AnyAsync(
            t => t.OccupancyId == occupancy.Id && moveIn.Contains(t.Type) && t.Status == Domain.Tasks.CaseTaskStatus.Done, cancellationToken);
        if (!neverBegun && await tasks.AddMoveOutTasksAsync(household, occupancy.Id, moveOut, unit.Label, cancellationToken) is { Count: > 0 } ownerless)
        {
            db.ChangeTracker.Clear();
            return MoveResult.Refused(ChecklistTaskFactory.NoDepartmentFor(T, ownerless));
        }

        // From our temporary housing to a home of its own or away: no help to register for a permanent home, nor motivation
        // to move on, any more.
        if (occupancy.IsTemporary && to != MoveOutDestination.OtherMunicipalUnit)
        {
            await help.NotNeededAsync(household, cancellationToken);
        }

        // Out on the day it moved in: the stay's still open lease, keys and house rules are not needed either. Before, they
        // stayed open beside the move out's.
        var outOnMoveInDayReason = new Said("Husstanden flyttede ud af {0} samme dag, som den flyttede ind.", unit.Label);
        if (outOnMoveInDay)
        {
            await tasks.CloseMoveInAsync(household, occupancy.Id, [], help.UserId, outOnMoveInDayReason,
                new Said("husstanden flyttede ud af {0} samme dag, som den flyttede ind", unit.Label), cancellationToken);
        }

        if (await db.SaveOverTaskChangesAsync(
                task =>
                {
                    if (outOnMoveInDay && Domain.Reception.MoveTasks.OfStayMoveIn.Contains(task.Type))
                    {
                        task.CloseAsNotNeeded(help.UserId, outOnMoveInDayReason, clock.GetUtcNow());
                    }
                    else
                    {
                        help.NotNeeded(task);
                    }
                },
                cancellationToken) is { } conflict)
        {
            return MoveResult.Refused(ChangedByOther(conflict));
        }

        await AuditMembersAsync(occupancy.HouseholdId, AuditAction.MovedOut, AuditPurpose.MoveOut, $"Bolig {unit.Id:D} ({unit.Label}) {moveOut:yyyy-MM-dd}, {to}", cancellationToken);

        return MoveResult.Ok;
    }

    /// <summary>A move to another of our units that names the unit the household lives in.</summary>
    public const string SameUnit = "Husstanden bor allerede i den bolig. Vælg en anden af kommunens boliger.";

    /// <summary>
    /// The household moves from its stay in one of our temporary units straight into another of our units on the day,
    /// in one step: the move out (to <see cref="MoveOutDestination.OtherMunicipalUnit"/>, with its tasks) and the move-in
    /// (with its lease, keys and house rules) are saved together, or neither is. Before, the move out was registered
    /// first and the household waited for a home until the move-in was made on the other unit's page; a move-in refused
    /// there (the rent, the beds) left it moved out with no home. Refused as either move refuses it; a refusal of the
    /// move-in that is not about the day is <see cref="MoveResult.AboutTheNewUnit"/>.
    /// </summary>
    public async Task<MoveResult> MoveToAnotherUnitAsync(Guid occupancyId, Guid unitId, DateOnly day, CancellationToken cancellationToken = default)
    {
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var stay = await db.Occupancies.FirstOrDefaultAsync(o => o.Id == occupancyId && o.MovedOutOn == null, cancellationToken);
        if (stay is null)
        {
            return MoveResult.Refused(NoSuchStay);
        }

        if (stay.UnitId == unitId)
        {
            return MoveResult.Refused(SameUnit) with { AboutTheNewUnit = true };
        }

        var result = await MoveOutAsync(stay, day, MoveOutDestination.OtherMunicipalUnit, cancellationToken);
        if (result.Succeeded)
        {
            result = await MoveInAsync(unitId, stay.HouseholdId, day, cancellationToken) is { Succeeded: false } refused
                ? refused with { AboutTheNewUnit = !refused.AboutTheDay }
                : MoveResult.Ok;
        }

        if (transaction is not null)
        {
            if (result.Succeeded)
            {
                await transaction.CommitAsync(cancellationToken);
            }
            else
            {
                // Neither move is kept: the household still lives where it did.
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
        }

        return result;
    }

    /// <summary>
    /// The household moves out on <paramref name="moveOut"/>, to <paramref name="to"/>, sooner than the move out agreed
    /// for a later day, <paramref name="agreedDay"/> (it has accepted a permanent home with an earlier move day; refused
    /// as changed by another when the stay's move out is no longer that day): the agreed move's open tasks follow to
    /// the day, as when the day is changed, and none is made twice; from our temporary housing to a home of its own or
    /// away, its help to register is not needed, as for any move out. The day may lie before today (a move recorded
    /// late). Saved with what the caller has changed.
    /// </summary>
    public async Task<MoveResult> MoveOutSoonerAsync(Guid occupancyId, DateOnly agreedDay, DateOnly moveOut, MoveOutDestination to, CancellationToken cancellationToken = default)
    {
        // The move out as agreed when the caller read it: one changed by another since is not brought forward unseen.
        var stay = await db.Occupancies.FirstOrDefaultAsync(o => o.Id == occupancyId && o.MovedOutOn == agreedDay && o.MovedOutOn > moveOut, cancellationToken);
        if (stay is null)
        {
            return MoveResult.Refused(HouseholdChangedByOther);
        }

        if (moveOut < stay.MovedInOn)
        {
            return MoveResult.RefusedDay(MoveOutBeforeMoveIn);
        }

        if (!stay.MayMoveOutTo(to))
        {
            return MoveResult.Refused(FirstPermanentHomeGiven);
        }

        var agreed = stay.MovedOutOn!.Value;
        var endedTheWait = stay.EndsTheWait;
        var unit = await db.HousingUnits.FirstAsync(u => u.Id == stay.UnitId, cancellationToken);
        stay.MoveOut(moveOut, to);
        unit.MoveOutChanged(agreed, moveOut);
        await moveTasks.MovedAsync(stay, moveOut, cancellationToken);
        if (stay.IsTemporary && !endedTheWait && stay.EndsTheWait)
        {
            await help.NotNeededAsync(await db.Households.Include(h => h.Members).FirstAsync(h => h.Id == stay.HouseholdId, cancellationToken), cancellationToken);
        }

        if (await db.SaveOverTaskChangesAsync(
                task =>
                {
                    if (Domain.Reception.MoveTasks.OfTemporaryHousing.Contains(task.Type))
                    {
                        help.NotNeeded(task);
                    }
                    else
                    {
                        moveTasks.Change(task, moveOut);
                    }
                },
                cancellationToken) is { } conflict)
        {
            return MoveResult.Refused(ChangedByOther(conflict));
        }

        await AuditMembersAsync(stay.HouseholdId, AuditAction.MovedOut, AuditPurpose.AgreedMoveOutChanged,
            $"Bolig {unit.Id:D} ({unit.Label}): flyttes fra {agreed:yyyy-MM-dd} til {moveOut:yyyy-MM-dd}, {to}", cancellationToken);
        return MoveResult.Ok;
    }

    /// <summary>
    /// An agreed move out on a later day comes on another day, <paramref name="newDay"/> (today or later). A later day
    /// is refused when the unit has been given to someone else before it.
    /// </summary>
    public Task<MoveResult> ChangeMoveOutAsync(Guid occupancyId, DateOnly newDay, CancellationToken cancellationToken = default) =>
        ChangeAgreedMoveOutAsync(occupancyId, newDay, null, cancellationToken);

    /// <summary>
    /// The acceptance of a permanent home that brought the move out forward (<see cref="MoveOutSoonerAsync"/>) is undone:
    /// the move out comes on the day agreed before, <paramref name="agreedDay"/>, to where the household was going then,
    /// <paramref name="agreedTo"/>, as when the day is changed; back to another of our units, it needs the help to
    /// register again, as when a move out is called off. The permanent home's tasks the caller closed stay closed.
    /// </summary>
    public Task<MoveResult> PutBackMoveOutAsync(Guid occupancyId, DateOnly agreedDay, MoveOutDestination? agreedTo, CancellationToken cancellationToken = default) =>
        ChangeAgreedMoveOutAsync(occupancyId, agreedDay, new(agreedTo), cancellationToken);

    /// <summary>
    /// An agreed move out on a later day is called off: the household stays. Refused when the unit has been given to
    /// someone else in the meantime.
    /// </summary>
    public Task<MoveResult> CallOffMoveOutAsync(Guid occupancyId, CancellationToken cancellationToken = default) =>
        ChangeAgreedMoveOutAsync(occupancyId, null, null, cancellationToken);

    /// <summary>Where the household goes by the move out put back (<see cref="PutBackMoveOutAsync"/>).</summary>
    private sealed record PutBack(MoveOutDestination? To);

    /// <summary>
    /// The agreed move out comes on <paramref name="newDay"/>, or is called off (null), saved with what the caller has
    /// changed (an offer on the pipeline). A department that takes or closes one of the move out's tasks at the same
    /// moment keeps what it did, and the change is saved again over it (<see cref="TaskSaves.SaveOverTaskChangesAsync"/>).
    /// </summary>
    private async Task<MoveResult> ChangeAgreedMoveOutAsync(Guid occupancyId, DateOnly? newDay, PutBack? putBack, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var stay = await db.Occupancies.FirstOrDefaultAsync(o => o.Id == occupancyId && o.MovedOutOn > today, cancellationToken);
        if (stay is null)
        {
            return MoveResult.Refused("Der er ingen aftalt fraflytning at ændre: husstanden er flyttet, eller fraflytningen er ikke aftalt.");
        }

        // A move-in still ahead is named: it is later than today, so it is the day the new one cannot come before.
        if (newDay is { } beforeMoveIn && beforeMoveIn < stay.MovedInOn && stay.MovedInOn > today)
        {
            return MoveResult.Refused(T["Den nye fraflytningsdato kan ikke ligge før indflytningen {0:d. MMMM yyyy}.", stay.MovedInOn]);
        }

        if (newDay is { } day && (day < today || day < stay.MovedInOn))
        {
            return MoveResult.Refused("Den nye fraflytningsdato kan ikke ligge før i dag eller før indflytningen.");
        }

        if (newDay is { } later && Platform.PlanningHorizon.IsBeyond(later, today))
        {
            return MoveResult.Refused(Platform.PlanningHorizon.TooFarAhead);
        }

        var agreed = stay.MovedOutOn!.Value;
        var unit = await db.HousingUnits.FirstAsync(u => u.Id == stay.UnitId, cancellationToken);
        // Staying on past the agreed day needs the unit still to be theirs until the new day (for good when called off).
        if ((newDay is null || newDay > agreed) && await RefusalToStayOnAsync(stay, unit, newDay, cancellationToken) is { } refusal)
        {
            return MoveResult.Refused(refusal);
        }

        var endedTheWait = stay.EndsTheWait;
        if (newDay is { } moveOut)
        {
            if (putBack is not null)
            {
                stay.PutBackMoveOut(moveOut, putBack.To);
            }
            else
            {
                stay.MoveOut(moveOut);
            }

            unit.MoveOutChanged(agreed, moveOut);
            await moveTasks.MovedAsync(stay, moveOut, cancellationToken);
            // Put back to a move to another of our units: it stays in our temporary housing, as when called off.
            if (putBack is not null && stay.IsTemporary && endedTheWait && !stay.EndsTheWait
                && await help.NeededAgainAsync(await db.Households.Include(h => h.Members).FirstAsync(h => h.Id == stay.HouseholdId, cancellationToken), cancellationToken) is { Count: > 0 } ownerless)
            {
                db.ChangeTracker.Clear();
                return MoveResult.Refused(ChecklistTaskFactory.NoDepartmentFor(T, ownerless));
            }
        }
        else
        {
            stay.StayOn();
            unit.MoveOutCalledOff(agreed, stay.MovedInOn, stay.Beds);
            await moveTasks.CalledOffAsync(stay, cancellationToken);
            // It stays in our temporary housing: the help to register, if that move had made it not needed.
            if (stay.IsTemporary
                && await help.NeededAgainAsync(await db.Households.Include(h => h.Members).FirstAsync(h => h.Id == stay.HouseholdId, cancellationToken), cancellationToken) is { Count: > 0 } ownerless)
            {
                db.ChangeTracker.Clear();
                return MoveResult.Refused(ChecklistTaskFactory.NoDepartmentFor(T, ownerless));
            }
        }

        // The permanent home's tasks of an acceptance undone are closed, not moved with the move out put back.
        if (await db.SaveOverTaskChangesAsync(
                task => moveTasks.Change(task, putBack is not null && Domain.Reception.MoveTasks.IntoPermanentHome.Contains(task.Type) ? null : newDay), cancellationToken) is { } conflict)
        {
            return MoveResult.Refused(ChangedByOther(conflict));
        }

        var what = newDay is { } changed ? $"flyttes fra {agreed:yyyy-MM-dd} til {changed:yyyy-MM-dd}{(putBack is not null ? $", {stay.Destination}" : "")}" : $"aflyst (var {agreed:yyyy-MM-dd})";
        await AuditMembersAsync(stay.HouseholdId, AuditAction.MovedOut, AuditPurpose.AgreedMoveOutChanged, $"Bolig {unit.Id:D} ({unit.Label}): {what}", cancellationToken);

        return MoveResult.Ok;
    }

    /// <summary>
    /// Why the household cannot stay on in its unit until <paramref name="until"/> (null: for good), or null when it
    /// can: it moves into another of our units before then, another household has the whole unit from a day before
    /// then, or a shared room has no bed for it beside those who live there then (counted by day,
    /// <see cref="Occupancy.MostBedsAtOnce"/>), or they are of the other gender.
    /// </summary>
    private async Task<string?> RefusalToStayOnAsync(Occupancy stay, HousingUnit unit, DateOnly? until, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        // One home at a time: a move into another of our units before then comes first.
        var next = await db.Occupancies.AsNoTracking().HomeOn(today)
            .Where(o => o.HouseholdId == stay.HouseholdId && o.Id != stay.Id && (until == null || o.MovedInOn < until))
            .OrderBy(o => o.MovedInOn)
            .Join(db.HousingUnits, o => o.UnitId, u => u.Id, (o, u) => new { o.MovedInOn, u.Label })
            .FirstOrDefaultAsync(cancellationToken);
        if (next is not null)
        {
            return T["Husstanden flytter ind i {0} {1:d. MMMM yyyy}, så den kan ikke blive boende her længere end til da.", next.Label, next.MovedInOn];
        }

        var others = await db.Occupancies.AsNoTracking().HomeOn(today)
            .Where(o => o.UnitId == unit.Id && o.Id != stay.Id && (until == null || o.MovedInOn < until))
            .OrderBy(o => o.MovedInOn)
            .ToListAsync(cancellationToken);
        if (others.Count == 0)
        {
            return null;
        }

        if (!unit.IsSharedRoom)
        {
            return T["Boligen er givet videre til en anden husstand fra {0:d. MMMM yyyy}.", others[0].MovedInOn];
        }

        if (Occupancy.MostBedsAtOnce(others, today) + stay.Beds > unit.Beds)
        {
            return "Der er ikke længere en seng til husstanden i deleboligen: den er givet videre.";
        }

        var households = others.Select(o => o.HouseholdId).ToList();
        var genders = await db.Persons.AsNoTracking().Where(p => p.HouseholdId != null && households.Contains(p.HouseholdId.Value)).Select(p => p.Gender).Distinct().ToListAsync(cancellationToken);
        var gender = await db.Persons.AsNoTracking().Where(p => p.HouseholdId == stay.HouseholdId).Select(p => p.Gender).FirstAsync(cancellationToken);
        return SharedRoomResidents.RefusalFor(gender, genders.ToHashSet());
    }

    /// <summary>
    /// A member has joined the household (family reunification, REC-5): its homes, now and to come, take one more bed.
    /// When the home no longer fits — a shared room (single adults only) or more people than beds — the housing
    /// coordinators are told, to find it another. Saved with the caller's changes.
    /// </summary>
    public async Task MemberJoinedAsync(Guid householdId, string householdName, int persons, CancellationToken cancellationToken = default)
    {
        var today = clock.Today();
        var homes = await db.Occupancies.HomeOn(today).Where(o => o.HouseholdId == householdId).ToListAsync(cancellationToken);
        List<string>? coordinators = null;
        foreach (var stay in homes)
        {
            stay.MemberJoined();
            var unit = await db.HousingUnits.FirstAsync(u => u.Id == stay.UnitId, cancellationToken);
            if (stay.MovedOutOn is null)
            {
                // Its beds are counted in the unit until it moves out (an agreed move out has freed them already).
                unit.ResidentJoined();
            }

            if (unit.IsSharedRoom || stay.Beds > unit.Beds)
            {
                var message = Notices.HomeNoLongerFits(householdName, persons, unit.Label);
                coordinators ??= await HousingCoordinatorsAsync(cancellationToken);
                foreach (var coordinator in coordinators)
                {
                    db.Notifications.Add(new Domain.Notifications.Notification(coordinator, null, message, $"/Housing/Units/{unit.Id}", clock.GetUtcNow()));
                }
            }
        }
    }

    /// <summary>
    /// What another changed at the same moment: an offer of a permanent home saved with the move out (answered by
    /// another), a task of the move out (taken or closed by its department), or the unit.
    /// </summary>
    private static string ChangedByOther(DbUpdateConcurrencyException conflict) =>
        conflict.Entries.Any(e => e.Entity is HousingOffer) ? PermanentHousingSteps.AnsweredByOther
        : conflict.Entries.Any(e => e.Entity is Domain.Tasks.CaseTask) ? TaskChangedByOther
        : conflict.Entries.Any(e => e.Entity is Domain.People.Household) ? HouseholdChangedByOther
        : "Boligen er lige blevet ændret af en anden. Opdatér siden, og prøv igen.";

    /// <summary>A move of the household, in the audit log for each of its members.</summary>
    private async Task AuditMembersAsync(Guid household, AuditAction action, AuditPurpose purpose, string details, CancellationToken cancellationToken)
    {
        var members = await db.Persons.Where(p => p.HouseholdId == household).Select(p => p.Id).ToListAsync(cancellationToken);
        await audit.RecordEachAsync(action, members.Select(m => ((Guid?)m, (string?)details)), purpose, cancellationToken);
    }

    private Task<List<string>> HousingCoordinatorsAsync(CancellationToken cancellationToken) =>
        (from ur in db.UserRoles
         join r in db.Roles on ur.RoleId equals r.Id
         where r.Name == Identity.Roles.HousingCoordinator
         select ur.UserId).ToListAsync(cancellationToken);
}
