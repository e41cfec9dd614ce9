using Indgang.Domain.Audit;
using Indgang.Domain.Housing;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Features.Reception;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Housing;

public sealed record MoveResult(bool Succeeded, string? Error)
{
    public static MoveResult Ok { get; } = new(true, null);

    public static MoveResult Refused(string error) => new(false, error);
}

/// <summary>
/// Moves households into and out of units (HOUSE-2). The unit's concurrency token makes a double
/// booking impossible: of two coordinators assigning the last beds at once, exactly one succeeds.
/// </summary>
public sealed class HousingMoves(IndgangDbContext db, AuditLog audit, ChecklistTaskFactory tasks, TimeProvider clock)
{
    public const string TakenByOther = "Boligen er lige blevet tildelt af en anden. Opdatér siden, og vælg en anden bolig.";

    public async Task<MoveResult> MoveInAsync(Guid unitId, Guid householdId, DateOnly moveIn, CancellationToken cancellationToken = default)
    {
        var unit = await db.HousingUnits.FirstOrDefaultAsync(u => u.Id == unitId, cancellationToken);
        var household = await db.Households.Include(h => h.Members).FirstOrDefaultAsync(h => h.Id == householdId, cancellationToken);
        if (unit is null || household is null)
        {
            return MoveResult.Refused("Boligen eller husstanden findes ikke.");
        }

        // Its home on the move-in day, if any (an accepted move out on a later day keeps it there until then).
        var home = await db.Occupancies.AsNoTracking().HomeOn(moveIn)
            .Where(o => o.HouseholdId == householdId)
            .Select(o => new { o.MovedOutOn }).FirstOrDefaultAsync(cancellationToken);
        if (home is not null)
        {
            return MoveResult.Refused(home.MovedOutOn is { } movesOut
                ? $"Husstanden bor i sin nuværende bolig til {Platform.DanishDates.Written(movesOut)}. Vælg en indflytningsdato fra den dag."
                : "Husstanden bor allerede i en bolig. Registrér fraflytningen først.");
        }

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var children = household.Members.Count(m => Domain.People.Age.On(m.BirthDate, today) < Domain.People.Age.AgeOfMajority);
        var adults = household.Members.Count - children;
        if (unit.RefusalFor(household.Members.Count, adults == 1 && children == 0, moveIn) is { } refusal)
        {
            return MoveResult.Refused(refusal);
        }

        if (unit.IsSharedRoom && SharedRoomResidents.RefusalFor(
                household.Members[0].Gender, (await SharedRoomResidents.GendersAsync(db, moveIn, unit.Id, cancellationToken)).GetValueOrDefault(unit.Id)) is { } mixed)
        {
            return MoveResult.Refused(mixed);
        }

        if (!unit.IsPermanent && RentCaps.For(await db.RentCaps.AsNoTracking().ToListAsync(cancellationToken), moveIn.Year, adults, children) is { } cap && unit.MonthlyRent > cap)
        {
            return MoveResult.Refused($"Huslejen ({unit.MonthlyRent:N0} kr.) overstiger loftet for husstanden ({cap:N0} kr. om måneden).");
        }

        unit.MoveIn(household.Members.Count);
        db.Occupancies.Add(new Occupancy(unit.Id, household.Id, household.Members.Count, moveIn, !unit.IsPermanent));
        household.ArrivedOn ??= moveIn;
        var ownerless = await tasks.AddMoveInTasksAsync(household, moveIn, unit.Label, cancellationToken);
        if (ownerless.Count > 0)
        {
            db.ChangeTracker.Clear();
            return MoveResult.Refused($"Ansvarsfordelingen mangler en afdeling for: {string.Join(", ", ownerless)}.");
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return MoveResult.Refused(TakenByOther);
        }

        foreach (var member in household.Members)
        {
            await audit.RecordAsync(AuditAction.MovedIn, member.Id, "Boligplacering: indflytning", $"Bolig {unit.Id:D} ({unit.Label}) fra {moveIn:yyyy-MM-dd}", cancellationToken);
        }

        return MoveResult.Ok;
    }

    public async Task<MoveResult> MoveOutAsync(Guid occupancyId, DateOnly moveOut, CancellationToken cancellationToken = default)
    {
        var occupancy = await db.Occupancies.FirstOrDefaultAsync(o => o.Id == occupancyId && o.MovedOutOn == null, cancellationToken);
        if (occupancy is null)
        {
            return MoveResult.Refused("Beboelsen findes ikke eller er allerede afsluttet.");
        }

        if (moveOut < occupancy.MovedInOn)
        {
            return MoveResult.Refused("Fraflytningen kan ikke ligge før indflytningen.");
        }

        var unit = await db.HousingUnits.FirstAsync(u => u.Id == occupancy.UnitId, cancellationToken);
        occupancy.MoveOut(moveOut);
        unit.MoveOut(occupancy.Beds);
        // The beds count as free at once, but the unit is only ready for someone else from the move-out day.
        unit.AvailableFrom = unit.AvailableFrom > moveOut ? unit.AvailableFrom : moveOut;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return MoveResult.Refused("Boligen er lige blevet ændret af en anden. Opdatér siden, og prøv igen.");
        }

        var members = await db.Persons.Where(p => p.HouseholdId == occupancy.HouseholdId).Select(p => p.Id).ToListAsync(cancellationToken);
        foreach (var member in members)
        {
            await audit.RecordAsync(AuditAction.MovedOut, member, "Boligplacering: fraflytning", $"Bolig {unit.Id:D} ({unit.Label}) {moveOut:yyyy-MM-dd}", cancellationToken);
        }

        return MoveResult.Ok;
    }
}
