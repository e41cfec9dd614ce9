using Indgang.Domain.Housing;
using Indgang.Domain.Reception;
using Indgang.Web.Data;
using Indgang.Web.Features.Housing;
using Indgang.Web.Features.Tasks;
using Indgang.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Dashboard;

/// <summary>
/// A household without a home of ours: arrived on a day, or announced for one (or neither known yet). One that has lived
/// in one of our units and waits again (it moved out to another of ours that is not yet ready, say) has been without a
/// home since it moved out (<see cref="LastMovedOut"/>), not since it came.
/// </summary>
public sealed record WaitingHousehold(Guid HouseholdId, string HouseholdName, int Persons, DateOnly? ArrivedOn, DateOnly? ExpectedArrival, DateOnly? LastMovedOut = null)
{
    /// <summary>The day it has been without a home since, once it has come: its arrival, or its last move out of ours after it.</summary>
    public DateOnly? WithoutHomeSince => ArrivedOn is { } arrived ? (LastMovedOut > arrived ? LastMovedOut : arrived) : null;
}

/// <summary>
/// A household in our temporary housing, and how far it has come on its way to a permanent home: one of our permanent
/// units it is to move into, the day it moves to the home whose offer it accepted, an offer awaiting its answer, or the
/// housing associations it is registered with.
/// </summary>
public sealed record TemporaryStay(Guid HouseholdId, string HouseholdName, string UnitLabel, int Days, int Registrations, bool HasPendingOffer, DateOnly? MovesToAcceptedHomeOn,
    PermanentUnitAhead? MovesToOurPermanentUnit = null);

/// <summary>One of our permanent units a household is to move into, and the day.</summary>
public sealed record PermanentUnitAhead(string UnitLabel, DateOnly On);

/// <summary>A move out of one of our units, and the tasks of it not done yet (lease, keys, inspection).</summary>
public sealed record MoveOutDue(Guid UnitId, string UnitLabel, Guid HouseholdId, string HouseholdName, DateOnly Day, IReadOnlyList<TaskType> Open);

public sealed record HousingOverview(
    DateOnly Today,
    IReadOnlyList<WaitingHousehold> Waiting,
    int FreeBeds,
    int UsableBeds,
    int HouseholdsInTemporaryHousing,
    ForecastMonth? FirstShortfall,
    int PendingOffers,
    int PendingOffersOverdue,
    IReadOnlyList<TemporaryStay> LongestStays,
    IReadOnlyList<MoveOutDue> MoveOuts)
{
    /// <summary>The households the overview shows with their arrival or their housing: read, for the page to record.</summary>
    public IEnumerable<Guid> HouseholdsShown =>
        Waiting.Select(w => w.HouseholdId).Concat(LongestStays.Select(s => s.HouseholdId)).Concat(MoveOuts.Select(m => m.HouseholdId));
}

/// <summary>
/// The housing coordinator's overview: who needs a home (arrived first, then by the day they come), the beds free now,
/// the first month the forecast runs short (HOUSE-4), offers awaiting an answer, and the longest stays in temporary
/// housing, since seed 002 wants families in a permanent home first; and the move outs around today, and earlier ones
/// whose lease, keys or inspection are still open, so that she knows which vacated units are ready for the next.
/// </summary>
public sealed class HousingDashboard(IndgangDbContext db, ForecastQuery forecast, TimeProvider clock)
{
    public const int LongestStaysShown = 5;

    /// <summary>The move outs this many days back and ahead are shown, and earlier ones while a task of theirs is open.</summary>
    public const int MoveOutDays = 30;

    public async Task<HousingOverview> ForTodayAsync(CancellationToken cancellationToken = default)
    {
        var today = clock.Today();
        var waitingRows = await WaitingForHousing.On(db, today).AsNoTracking()
            .Select(h => new WaitingHousehold(h.Id, h.Name, h.Members.Count, h.ArrivedOn, h.ExpectedArrival, null))
            .ToListAsync(cancellationToken);
        var movedOut = await db.Occupancies.AsNoTracking().LastMovedOutAsync([.. waitingRows.Select(w => w.HouseholdId)], today, cancellationToken);
        var waiting = waitingRows
            .Select(w => w with { LastMovedOut = movedOut.TryGetValue(w.HouseholdId, out var left) ? left : null })
            .OrderBy(w => w.ArrivedOn is null)
            .ThenBy(w => w.WithoutHomeSince ?? w.ExpectedArrival ?? DateOnly.MaxValue)
            .ThenBy(w => w.HouseholdName, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("da-DK"), ignoreCase: false))
            .ToList();

        // The same beds as the stock page counts: units that are not blocked and not in a vulnerable housing area.
        var units = await db.HousingUnits.AsNoTracking().ToListAsync(cancellationToken);
        var (freeBeds, usableBeds) = HousingUnit.UsableBeds(units, today, await SharedRoomResidents.BedsTakenFromAsync(db, today, null, cancellationToken));

        var stays = await db.Occupancies.AsNoTracking().Where(o => o.IsTemporary).ToListAsync(cancellationToken);
        var current = stays.Where(o => o.MovedInOn <= today && o.IsHomeOn(today)).ToList();
        var names = await db.Households.AsNoTracking().Select(h => new { h.Id, h.Name }).ToDictionaryAsync(h => h.Id, h => h.Name, cancellationToken);
        var labels = units.ToDictionary(u => u.Id, u => u.Label);
        var registered = await db.HousingRegistrations.AsNoTracking().GroupBy(r => r.HouseholdId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var pending = await db.HousingOffers.AsNoTracking().Where(o => o.Status == OfferStatus.Pending)
            .Select(o => new { o.HouseholdId, o.AnswerBy }).ToListAsync(cancellationToken);
        var pendingOffers = pending.ConvertAll(o => o.HouseholdId);
        // The day of the move to the home it accepted (an acceptance gives one).
        var accepted = (await db.HousingOffers.AsNoTracking().Where(o => o.Status == OfferStatus.Accepted && o.MoveDate != null)
                .Select(o => new { o.HouseholdId, Day = o.MoveDate!.Value }).ToListAsync(cancellationToken))
            .GroupBy(o => o.HouseholdId)
            .ToDictionary(g => g.Key, g => g.Min(o => o.Day));
        var days = Occupancy.DaysByHousehold(stays, today);
        // A move into one of our permanent units ahead (the unit page's move out with a new home of ours): on its way, not
        // to be told it is not registered with any housing association (the pipeline leaves such a household out).
        var living = current.Select(o => o.HouseholdId).ToList();
        var permanentAhead = (await db.Occupancies.AsNoTracking().Where(o => !o.IsTemporary && o.MovedInOn > today && living.Contains(o.HouseholdId))
                .Select(o => new { o.HouseholdId, o.UnitId, o.MovedInOn }).ToListAsync(cancellationToken))
            .GroupBy(o => o.HouseholdId)
            .ToDictionary(g => g.Key, g => g.MinBy(o => o.MovedInOn)!);
        var longest = current
            .DistinctBy(o => o.HouseholdId)
            .Select(o => new TemporaryStay(
                o.HouseholdId,
                names.GetValueOrDefault(o.HouseholdId) ?? "?",
                labels.GetValueOrDefault(o.UnitId) ?? "?",
                days[o.HouseholdId],
                registered.GetValueOrDefault(o.HouseholdId),
                pendingOffers.Contains(o.HouseholdId),
                accepted.TryGetValue(o.HouseholdId, out var moves) ? moves : null,
                permanentAhead.TryGetValue(o.HouseholdId, out var ahead) ? new PermanentUnitAhead(labels.GetValueOrDefault(ahead.UnitId) ?? "?", ahead.MovedInOn) : null))
            .OrderByDescending(s => s.Days).ThenBy(s => s.HouseholdName, StringComparer.Ordinal)
            .Take(LongestStaysShown)
            .ToList();

        var (input, _) = await forecast.BuildAsync(cancellationToken);
        var moveOuts = await MoveOutsAsync(today, names, labels, cancellationToken);


        return new HousingOverview(
            today,
            waiting,
            freeBeds,
            usableBeds,
            current.Select(o => o.HouseholdId).Distinct().Count(),
            CapacityForecast.Compute(input).FirstShortfall,
            pendingOffers.Count,
            pending.Count(o => o.AnswerBy < today),
            longest,
            moveOuts);
    }

    /// <summary>
    /// The move outs from <see cref="MoveOutDays"/> days ago to as many ahead, and earlier ones with a task still open, by
    /// day; each with the tasks of it that are open or taken.
    /// </summary>
    private async Task<List<MoveOutDue>> MoveOutsAsync(DateOnly today, Dictionary<Guid, string> names, Dictionary<Guid, string> labels, CancellationToken cancellationToken)
    {
        var (since, until) = (today.AddDays(-MoveOutDays), today.AddDays(MoveOutDays));
        var open = (await db.Tasks.AsNoTracking().StillOpen()
                .Where(t => t.OccupancyId != null && MoveTasks.MoveOut.Contains(t.Type))
                .Select(t => new { Stay = t.OccupancyId!.Value, t.Type }).ToListAsync(cancellationToken))
            .ToLookup(t => t.Stay, t => t.Type);
        var withOpenTasks = open.Select(g => g.Key).ToList();
        var stays = await db.Occupancies.AsNoTracking()
            .Where(o => o.MovedOutOn != null && ((o.MovedOutOn >= since && o.MovedOutOn <= until) || withOpenTasks.Contains(o.Id)))
            .ToListAsync(cancellationToken);
        return [.. stays
            .Select(o => new MoveOutDue(o.UnitId, labels.GetValueOrDefault(o.UnitId) ?? "?", o.HouseholdId, names.GetValueOrDefault(o.HouseholdId) ?? "?", o.MovedOutOn!.Value, [.. open[o.Id].Order()]))
            .OrderBy(m => m.Day).ThenBy(m => m.UnitLabel, StringComparer.Ordinal)];
    }
}
