using Indgang.Domain.Housing;
using Indgang.Web.Data;
using Indgang.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Housing;

/// <summary>Gathers the forecast's inputs from the cases, the stock and the quotas (HOUSE-4).</summary>
public sealed class ForecastQuery(IndgangDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Family members to join, by family reunification, households that live in our temporary housing or wait for a home:
    /// they will need beds, but when they come is not known, so they stand beside the forecast, not in its months.
    /// </summary>
    public async Task<int> FamilyToJoinAsync(CancellationToken cancellationToken = default)
    {
        var today = clock.Today();
        var waiting = WaitingForHousing.On(db, today).Select(h => h.Id);
        var inTemporaryHousing = db.Occupancies.HomeOn(today).Where(o => o.IsTemporary).Select(o => o.HouseholdId);
        return await db.Households.AsNoTracking()
            .Where(h => h.FamilyToJoin > 0 && (waiting.Contains(h.Id) || inTemporaryHousing.Contains(h.Id)))
            .SumAsync(h => h.FamilyToJoin, cancellationToken);
    }

    public async Task<(ForecastInput Input, int? MedianStayDays)> BuildAsync(CancellationToken cancellationToken = default)
    {
        var today = clock.Today();
        var first = new DateOnly(today.Year, today.Month, 1);
        var temporary = await db.HousingUnits.AsNoTracking().Where(u => !u.IsPermanent && !u.InVulnerableArea && u.Status == UnitStatus.Available).ToListAsync(cancellationToken);
        var quotas = await db.Quotas.AsNoTracking().ToDictionaryAsync(q => q.Year, q => q.Persons, cancellationToken);

        // The households waiting for a home (WaitingForHousing) will need a bed from their arrival (ArrivalDay: the day
        // they came, once they have come, else the day they are expected; one past: now). The
        // others need none: one of our units is their home now or ahead (its beds are in the occupied count, or taken by
        // the move-in in its month), they have
        // moved on (an offer accepted, a home of their own, another municipality, their first permanent home from us),
        // or they live with the person they joined. Only members who are not family-reunified are part of the quota
        // (HousingDuty.QuotaBases).
        var waitingHouseholds = WaitingForHousing.On(db, today);
        var waiting = await waitingHouseholds.AsNoTracking().WithArrivalDay().Where(a => a.On != null)
            .Select(a => new { a.On, Persons = a.Household.Members.Count, OfQuota = a.Household.Members.Count(m => HousingDuty.QuotaBases.Contains(m.Basis)) })
            .ToListAsync(cancellationToken);
        // Persons of each year's quota received and not waiting, by the year of their arrival: arrived this year, or
        // placed already for an arrival later this year or next (their beds are taken by their move-in, so they are neither
        // a registered arrival nor the quota's rest of their year).
        var waitingIds = waitingHouseholds.Select(h => h.Id);
        var received = (await db.Households.AsNoTracking().Where(h => !waitingIds.Contains(h.Id)).WithArrivalDay()
                .Where(a => a.On >= new DateOnly(today.Year, 1, 1))
                .Select(a => new { a.On, OfQuota = a.Household.Members.Count(m => HousingDuty.QuotaBases.Contains(m.Basis)) })
                .ToListAsync(cancellationToken))
            .GroupBy(h => h.On!.Value.Year)
            .ToDictionary(g => g.Key, g => g.Sum(h => h.OfQuota));

        var stays = await db.Occupancies.AsNoTracking().Where(o => o.IsTemporary).ToListAsync(cancellationToken);
        // How long households stay in temporary housing, learnt from every household so far: those that have left it, and
        // the others as "at least this long". A household's stays are one stay: a move from one temporary unit to
        // another frees no bed overall, so it is not a move out. Its days so far are the household page's days in
        // temporary housing (Occupancy.DaysByHousehold).
        var staysOf = stays.ToLookup(o => o.HouseholdId);
        var daysSoFar = Occupancy.DaysByHousehold(stays, today);
        var byHousehold = staysOf.ToDictionary(g => g.Key, g => new StayLength(daysSoFar[g.Key], Ended: g.All(o => o.MovedOutOn <= today)));
        var typical = TypicalStay.From(byHousehold.Values);
        // Only beds the forecast counts can come free: those of usable temporary units (not blocked, not in a
        // vulnerable area).
        var usable = temporary.Select(u => u.Id).ToHashSet();
        // Accepted moves out on a later day (the pipeline): the unit counts their beds free at once, so a placement can
        // use them from that day, but until then they are taken; the forecast frees them in their month.
        var leaving = stays.Where(o => o.MovedOutOn > today && usable.Contains(o.UnitId)).ToList();
        // A whole unit is one household's (however many beds it leaves empty): its beds are all taken while a household
        // lives there, and come free together when the household leaves. A shared room's beds are taken, and come free,
        // one person at a time. Taken now are the beds of stays lived in today; a move-in agreed for a later day takes
        // its beds in its month (a household moving from one of our units to another is not counted in both now: the
        // old unit's beds come free, and the new one's are taken, on the day it moves).
        var units = temporary.ToDictionary(u => u.Id);
        int Beds(Occupancy stay) => units[stay.UnitId].IsSharedRoom ? stay.Beds : units[stay.UnitId].Beds;
        var homes = stays.Where(o => o.MovedInOn <= today && o.IsHomeOn(today) && usable.Contains(o.UnitId)).ToList();
        var occupied = homes.Where(o => units[o.UnitId].IsSharedRoom).Sum(o => o.Beds)
            + homes.Where(o => !units[o.UnitId].IsSharedRoom).Select(o => o.UnitId).Distinct().Sum(u => units[u].Beds);
        var moveIns = stays.Where(o => o.MovedInOn > today && o.IsHomeOn(o.MovedInOn) && usable.Contains(o.UnitId))
            .Select(o => new ExpectedMoveIn(Beds(o), o.MovedInOn)).ToList();
        var moveOuts = leaving.Select(o => new ExpectedMoveOut(Beds(o), o.MovedOutOn!.Value)).ToList();
        // The others are expected to stay as long in all as the households that stayed as long as theirs have so far
        // (none when no household has stayed so long and left).
        foreach (var stay in stays.Where(o => o.IsCurrent && usable.Contains(o.UnitId)))
        {
            var soFar = byHousehold[stay.HouseholdId].Days;
            if (typical.ExpectedLengthGiven(soFar) is { } length)
            {
                // The day its days in temporary housing reach that, all its stays counted as one: from its first move-in,
                // not from a move to this unit (one agreed for a later day restarted the count on that day).
                moveOuts.Add(new ExpectedMoveOut(Beds(stay), Occupancy.DayStaysReach(staysOf[stay.HouseholdId], stay, length)));
            }
        }

        // A unit not free yet that nobody lives in today (a pavilion being set up, say) adds its beds in the month it
        // opens, not now: counted now, it hid the very shortfall the forecast is for. A move-in agreed there takes them
        // in its own month.
        var lived = homes.Select(o => o.UnitId).ToHashSet();
        var opening = temporary.Where(u => u.AvailableFrom > today && !lived.Contains(u.Id)).ToList();
        // The arrivals, registered and of the quota, move out after the stay expected of a household moving in (the
        // typical stay), as they would once placed: a waiting household placed keeps its move-out month. One that came
        // already and still waits needs its bed from today, so its stay is counted from today (its arrival day still
        // tells which year's quota it belongs to).
        var input = new ForecastInput(
            first,
            temporary.Sum(u => u.Beds) - opening.Sum(u => u.Beds),
            occupied,
            quotas,
            received,
            waiting.Select(w => new ExpectedArrival(w.Persons, w.On!.Value, w.OfQuota, StayFrom: w.On.Value < today ? today : null)).ToList(),
            moveOuts,
            Openings: opening.Select(u => new BedsOpening(u.Beds, u.AvailableFrom)).ToList(),
            TypicalStayDays: typical.ExpectedLengthGiven(0),
            MoveIns: moveIns);
        return (input, typical.MedianDays);
    }
}
