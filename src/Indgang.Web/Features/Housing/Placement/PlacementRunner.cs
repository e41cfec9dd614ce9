using System.Text.Json;
using Indgang.Domain;
using Indgang.Domain.Audit;
using Indgang.Domain.Housing;
using Indgang.Domain.People;
using Indgang.Placement;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Housing.Placement;

/// <summary>
/// What the coordinator asked for: which households, which date, which pairs are locked or excluded; and, for a re-run,
/// the locks of the earlier run that could no longer hold and were left out (<see cref="PlacementRunner.HoldableLocksAsync"/>).
/// </summary>
public sealed record PlacementAsk(
    IReadOnlyList<Guid> Households, DateOnly PlanningDate, IReadOnlyList<PairChoice> Locks, IReadOnlyList<PairChoice> Exclusions, Guid? PreviousRunId,
    IReadOnlyList<DroppedLock>? DroppedLocks = null);

public sealed record PairChoice(Guid HouseholdId, Guid UnitId);

/// <summary>
/// A lock left out of a re-run: its unit is no longer free (another household moved in, or it was blocked), or, when
/// <paramref name="BrokenRules"/> is given, it no longer fits the household: the placement rules it breaks, in Danish
/// (<see cref="ExplanationTexts"/>), each after the one before it and "; " (<see cref="DroppedLock.RulesSeparator"/>).
/// </summary>
public sealed record DroppedLock(Guid HouseholdId, Guid UnitId, string? BrokenRules)
{
    public const string RulesSeparator = "; ";

    /// <summary>The rules it breaks, each one a text of <see cref="ExplanationTexts"/>.</summary>
    public IEnumerable<string> EachBrokenRule() => BrokenRules?.Split(RulesSeparator) ?? [];
}

/// <summary>
/// A stored run: the optimizer's answer, the greedy baseline on the same objective, metrics for both, and why each
/// household the optimizer left without a suggestion has none (<see cref="Indgang.Placement.WhyUnhoused"/>; null for runs
/// stored before it was kept).
/// </summary>
public sealed record PlacementOutcome(
    PlacementResult Optimized, PlacementResult Baseline, PlacementMetrics OptimizedMetrics, PlacementMetrics BaselineMetrics,
    IReadOnlyDictionary<string, Said>? WhyUnhoused = null);

/// <summary>Builds a placement request from the stock and the waiting households, solves it, and stores the run (HOUSE-3).</summary>
public sealed class PlacementRunner(IndgangDbContext db, PlacementWeightsStore weights, PlacementGate gate, AuditLog audit, TimeProvider clock)
{
    // The baseline has no bound, so its gap is not a finite number.
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public async Task<Guid> RunAsync(PlacementAsk ask, string user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ask);
        var request = await BuildAsync(ask, cancellationToken);
        var optimized = await gate.SolveAsync(request, cancellationToken);
        var baseline = GreedyBaseline.Solve(request);
        var outcome = new PlacementOutcome(
            optimized,
            baseline,
            PlacementMetrics.Of(request, optimized.Assignment),
            PlacementMetrics.Of(request, baseline.Assignment),
            WhyUnhoused.Of(request, optimized));
        var run = new PlacementRun(user, clock.GetUtcNow(), ask.PlanningDate, JsonSerializer.Serialize(ask, Json), JsonSerializer.Serialize(outcome, Json));
        db.PlacementRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditAction.PlacementRun, null, AuditPurpose.PlacementRun,
            $"Kørsel {run.Id:D}: {ask.Households.Count} husstande, mål {optimized.Objective} (grænse {optimized.Bound}, {optimized.Status}), grundlinje {baseline.Objective}", cancellationToken);
        return run.Id;
    }

    /// <summary>
    /// The ask for a re-run of an earlier one: only its households that still wait for a home on the planning date
    /// (one accepted from the earlier run has moved in), with only their locks and exclusions, as a lock on a household
    /// that is not planned for could never hold.
    /// </summary>
    public async Task<PlacementAsk> StillWaitingAsync(PlacementAsk ask, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ask);
        var asked = ask.Households;
        var waiting = (await WaitingForHousing.On(db, ask.PlanningDate).Where(h => asked.Contains(h.Id)).Select(h => h.Id).ToListAsync(cancellationToken)).ToHashSet();
        return ask with
        {
            Households = ask.Households.Where(waiting.Contains).ToList(),
            Locks = ask.Locks.Where(l => waiting.Contains(l.HouseholdId)).ToList(),
            Exclusions = ask.Exclusions.Where(e => waiting.Contains(e.HouseholdId)).ToList(),
        };
    }

    /// <summary>
    /// The ask with only the locks that can still hold: a lock whose unit is no longer free (moved into by another
    /// household, or blocked) or that the household no longer fits (the placement rules of the pair alone,
    /// <see cref="HardConstraints.BrokenBy"/>) is left out and kept in <see cref="PlacementAsk.DroppedLocks"/> with why,
    /// for the run page to say. Held, it made the plan infeasible: no household got a suggestion, in every later re-run.
    /// </summary>
    public async Task<PlacementAsk> HoldableLocksAsync(PlacementAsk ask, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ask);
        if (ask.Locks.Count == 0)
        {
            return ask with { DroppedLocks = null };
        }

        var request = await BuildAsync(ask with { Locks = [], Exclusions = [], PreviousRunId = null }, cancellationToken);
        var free = request.Units.Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        var kept = new List<PairChoice>();
        var dropped = new List<DroppedLock>();
        foreach (var pair in ask.Locks.Distinct())
        {
            if (!free.Contains(pair.UnitId.ToString()))
            {
                dropped.Add(new DroppedLock(pair.HouseholdId, pair.UnitId, null));
            }
            else if (HardConstraints.BrokenBy(request, pair.HouseholdId.ToString(), pair.UnitId.ToString()) is { Count: > 0 } broken)
            {
                dropped.Add(new DroppedLock(pair.HouseholdId, pair.UnitId, string.Join(DroppedLock.RulesSeparator, broken)));
            }
            else
            {
                kept.Add(pair);
            }
        }

        return ask with { Locks = kept, DroppedLocks = dropped.Count == 0 ? null : dropped };
    }

    public async Task<PlacementRequest> BuildAsync(PlacementAsk ask, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ask);
        var today = clock.Today();
        var households = (await LoadHouseholdsAsync(ask.Households, cancellationToken)).On(ask.PlanningDate, today, clock.LocalTimeZone);
        var towns = await db.Towns.AsNoTracking().ToListAsync(cancellationToken);
        var sites = await db.HousingSites.AsNoTracking().ToDictionaryAsync(s => s.Id, s => towns.First(t => t.Id == s.TownId).Name, cancellationToken);
        var units = await UnitsOnOfferAsync(await UnitRowsAsync(cancellationToken), ask.PlanningDate, sites, cancellationToken);
        var occupancies = await (from o in db.Occupancies.AsNoTracking().HomeOn(ask.PlanningDate)
                                 join u in db.HousingUnits.AsNoTracking() on o.UnitId equals u.Id
                                 select new { u.SiteId, o.HouseholdId }).ToListAsync(cancellationToken);
        var housedIds = occupancies.Select(o => o.HouseholdId).ToList();
        var housed = await db.Households.AsNoTracking().Include(h => h.Members).Where(h => housedIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, cancellationToken);
        var occupants = occupancies.Select(o => new { o.SiteId, Household = housed[o.HouseholdId] }).ToList();
        var totalPopulation = Math.Max(1, towns.Sum(t => t.Population));
        var previous = ask.PreviousRunId is { } runId
            ? await db.PlacementRuns.AsNoTracking().Where(r => r.Id == runId).Select(r => r.ResultJson).FirstOrDefaultAsync(cancellationToken)
            : null;

        return new PlacementRequest(
            households,
            units,
            towns.Select(t => new PlacementDistrict(t.Name, towns.Sum(x => x.Population) == 0 ? 1.0 / towns.Count : t.Population / (double)totalPopulation)).ToList(),
            occupants.Select(o => new CurrentOccupant(sites[o.SiteId], LanguageOf(o.Household), o.Household.HasChildrenOn(today))).ToList(),
            await weights.CurrentAsync(cancellationToken),
            ask.PlanningDate,
            ask.Locks.Select(l => (l.HouseholdId.ToString(), l.UnitId.ToString())).ToList(),
            ask.Exclusions.Select(e => (e.HouseholdId.ToString(), e.UnitId.ToString())).ToList(),
            previous is null ? null : JsonSerializer.Deserialize<PlacementOutcome>(previous, Json)!.Optimized.Assignment,
            gate.TimeLimit);
    }

    /// <summary>
    /// The requests <see cref="ChoosableUnits"/> reads for <paramref name="households"/>, one a day a unit on offer is free
    /// (<paramref name="today"/>, or its free-from day when later), each with the units free that day and the households as
    /// they are then (that year's rent cap, the members' ages then), as a move into the unit checks them; and no more: not
    /// the households living in the stock (the occupants), the towns' shares, the weights or any earlier run, which the
    /// rules a move refuses a unit by do not read. The database is read once, and a day's shared rooms' residents only for
    /// a day with a shared room. The unit page's »Ny bolig« asks it on every load.
    /// </summary>
    public async Task<IReadOnlyList<PlacementRequest>> ForChoosingOnFreeDaysAsync(IReadOnlyList<Guid> households, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(households);
        var loaded = await LoadHouseholdsAsync(households, cancellationToken);
        var sites = await TownOfSiteAsync(cancellationToken);
        var requests = new List<PlacementRequest>();
        foreach (var day in (await UnitRowsAsync(cancellationToken)).GroupBy(u => u.AvailableFrom > today ? u.AvailableFrom : today).OrderBy(g => g.Key))
        {
            requests.Add(new PlacementRequest(
                loaded.On(day.Key, today, clock.LocalTimeZone), await UnitsOnOfferAsync([.. day], day.Key, sites, cancellationToken),
                [], [], PlacementWeights.Default, day.Key, [], [], null, gate.TimeLimit));
        }

        return requests;
    }

    /// <summary>The households of a request, read once, and seen on any day by <see cref="LoadedHouseholds.On"/>.</summary>
    private async Task<LoadedHouseholds> LoadHouseholdsAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        var caps = await db.RentCaps.AsNoTracking().ToListAsync(cancellationToken);
        var households = await db.Households.AsNoTracking().Include(h => h.Members).Include(h => h.Relations).Where(h => ids.Contains(h.Id)).ToListAsync(cancellationToken);
        // A household that lived in one of our units and waits again has waited since it moved out, not since it came.
        var lastMovedOut = await db.Occupancies.AsNoTracking().LastMovedOutAsync([.. ids], clock.Today(), cancellationToken);
        return new LoadedHouseholds(households, caps, lastMovedOut);
    }

    /// <summary>Households as read from the database, with the rent caps and their last move-outs.</summary>
    private sealed record LoadedHouseholds(List<Household> Households, List<RentCap> Caps, IReadOnlyDictionary<Guid, DateOnly> LastMovedOut)
    {
        /// <summary>The households as the optimizer sees them on <paramref name="planningDate"/> (<see cref="ToPlacement(Household, DateOnly, DateOnly, TimeZoneInfo, List{RentCap}, DateOnly?)"/>).</summary>
        public List<PlacementHousehold> On(DateOnly planningDate, DateOnly today, TimeZoneInfo zone) =>
            Households.Select(h => ToPlacement(h, planningDate, today, zone, Caps, LastMovedOut.TryGetValue(h.Id, out var left) ? left : null)).ToList();
    }

    /// <summary>Each housing site's town's name.</summary>
    private async Task<Dictionary<Guid, string>> TownOfSiteAsync(CancellationToken cancellationToken)
    {
        var towns = await db.Towns.AsNoTracking().Select(t => new { t.Id, t.Name }).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        return await db.HousingSites.AsNoTracking().Select(s => new { s.Id, s.TownId }).ToDictionaryAsync(s => s.Id, s => towns[s.TownId], cancellationToken);
    }

    /// <summary>A unit that may be on offer (available, not in a vulnerable area): only the columns a request reads.</summary>
    private sealed record UnitRow(
        Guid Id, Guid SiteId, int Beds, bool IsPermanent, bool IsSharedRoom, int OccupyingHouseholds, decimal MonthlyRent, bool StepFree,
        int SchoolMetres, int DaycareMetres, int TransportMetres, int ShopsMetres, bool InVulnerableArea, DateOnly AvailableFrom);

    private Task<List<UnitRow>> UnitRowsAsync(CancellationToken cancellationToken) =>
        db.HousingUnits.AsNoTracking().Where(u => u.Status == UnitStatus.Available && !u.InVulnerableArea)
            .Select(u => new UnitRow(
                u.Id, u.SiteId, u.Beds, u.IsPermanent, u.IsSharedRoom, u.OccupyingHouseholds, u.MonthlyRent, u.StepFree,
                u.SchoolMetres, u.DaycareMetres, u.TransportMetres, u.ShopsMetres, u.InVulnerableArea, u.AvailableFrom))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// The units of <paramref name="units"/> on offer on the planning date, each in its town (<paramref name="townOfSite"/>):
    /// a whole unit nobody lives in or is to move into, a shared room with a bed free and, when someone lives there, for
    /// the one gender known of its residents (mixed or unknown: nobody, not offered).
    /// </summary>
    private async Task<List<PlacementUnit>> UnitsOnOfferAsync(List<UnitRow> units, DateOnly planningDate, Dictionary<Guid, string> townOfSite, CancellationToken cancellationToken)
    {
        var anyShared = units.Exists(u => u.IsSharedRoom);
        // Shared rooms someone lives in: only the residents' gender may join; mixed or unknown, nobody (not offered).
        var sharedWith = anyShared
            ? (await SharedRoomResidents.GendersAsync(db, planningDate, null, cancellationToken)).ToDictionary(room => room.Key, room => OneKnownGender(room.Value))
            : [];
        // A shared room's free beds from the planning date on: a resident moving out later keeps a bed until then.
        var bedsTaken = anyShared ? await SharedRoomResidents.BedsTakenFromAsync(db, planningDate, null, cancellationToken) : new Dictionary<Guid, int>();
        return units
            .Select(u => (Unit: u, SharedFreeBeds: u.Beds - bedsTaken.GetValueOrDefault(u.Id)))
            .Where(x => !x.Unit.IsSharedRoom ? x.Unit.OccupyingHouseholds == 0 : x.SharedFreeBeds > 0 && (!sharedWith.TryGetValue(x.Unit.Id, out var gender) || gender is not null))
            .Select(x => new PlacementUnit(x.Unit.Id.ToString(), townOfSite[x.Unit.SiteId], x.Unit.IsSharedRoom ? x.SharedFreeBeds : x.Unit.Beds, x.Unit.IsPermanent,
                x.Unit.IsSharedRoom, x.Unit.MonthlyRent, x.Unit.StepFree, x.Unit.SchoolMetres, x.Unit.DaycareMetres, x.Unit.TransportMetres, x.Unit.ShopsMetres,
                x.Unit.InVulnerableArea, x.Unit.AvailableFrom, sharedWith.GetValueOrDefault(x.Unit.Id)))
            .ToList();
    }

    /// <summary>
    /// The day the household moves in when placed by a plan made on <paramref name="planningDate"/>: that day, or its
    /// announced arrival if it comes later (<see cref="PlacementHousehold.NeededFrom(DateOnly, DateOnly?)"/>). The run page
    /// moves it in on this day, and the optimizer sees the household as it is then.
    /// </summary>
    public static DateOnly MoveInDayOf(Household household, DateOnly planningDate)
    {
        ArgumentNullException.ThrowIfNull(household);
        return PlacementHousehold.NeededFrom(planningDate, household.AnnouncedArrival);
    }

    /// <summary>
    /// The household as the optimizer sees it; it has waited since it came (or, announced, since it was registered), or
    /// since <paramref name="lastMovedOut"/> of one of our units when that is later. The day it was registered is the day
    /// in <paramref name="zone"/>, the clock's, as <paramref name="today"/> is (not the UTC day, one early after midnight).
    /// Its members' ages, its rent cap category and the cap's year are those of the day it moves in
    /// (<see cref="MoveInDayOf"/>), as the move-in checks them: an announced household may come next year, or a child of
    /// 17 be an adult by then.
    /// </summary>
    private static PlacementHousehold ToPlacement(Household h, DateOnly planningDate, DateOnly today, TimeZoneInfo zone, List<RentCap> caps, DateOnly? lastMovedOut)
    {
        var moveIn = MoveInDayOf(h, planningDate);
        var ages = h.Members.Select(m => Age.On(m.BirthDate, moveIn)).ToList();
        var adults = ages.Count(a => a >= Age.AgeOfMajority);
        var children = ages.Where(a => a < Age.AgeOfMajority).ToList();
        var waitingSince = WaitingSince(h, today, zone, lastMovedOut);
        var single = adults == 1 && children.Count == 0 ? h.Members[0] : null;
        return new PlacementHousehold(
            h.Id.ToString(),
            adults,
            children,
            LanguageOf(h),
            h.Members.Any(m => m.NeedsAccessibleHousing),
            Math.Max(0, today.DayNumber - waitingSince.DayNumber),
            RentCaps.For(caps, moveIn.Year, RentCap.CategoryOf(h, moveIn)) ?? decimal.MaxValue,
            single is null ? null : ToPlacement(single.Gender),
            // Announced, not yet here: units that are free by its arrival may be offered too.
            h.AnnouncedArrival,
            // A permanent home keeps beds for the family to join (seed 004).
            h.FamilyToJoin);
    }

    /// <summary>
    /// Since when the household has waited for a home: since its arrival day (<see cref="Housing.ArrivalDay"/>: the day it
    /// came, else the day it is expected, which for one announced is a later day: it has not waited yet, and the days
    /// waited count none), or since <paramref name="lastMovedOut"/> of one of our units when that is later. Only a
    /// household with no arrival day known waits from its registration (the day in <paramref name="zone"/>).
    /// </summary>
    public static DateOnly WaitingSince(Household household, DateOnly today, TimeZoneInfo zone, DateOnly? lastMovedOut)
    {
        ArgumentNullException.ThrowIfNull(household);
        var since = household.ArrivedOn ?? household.ExpectedArrival ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(household.RegisteredAt, zone).DateTime);
        return lastMovedOut > since ? lastMovedOut.Value : since;
    }

    private static PlacementGender? OneKnownGender(HashSet<Gender> residents) =>
        residents.Count == 1 ? ToPlacement(residents.Single()) : null;

    private static PlacementGender? ToPlacement(Gender gender) => gender switch
    {
        Gender.Female => PlacementGender.Female,
        Gender.Male => PlacementGender.Male,
        _ => null,
    };

    /// <summary>
    /// The household's main language: the first language of the eldest member who has one recorded; empty when nobody
    /// has, which the optimizer counts in no language group.
    /// </summary>
    public static string LanguageOf(Household household)
    {
        ArgumentNullException.ThrowIfNull(household);
        var first = household.Members.OrderBy(m => m.BirthDate)
            .Select(m => m.Languages?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault())
            .FirstOrDefault(l => l is not null);
        // Lower-cased the Danish way, so "Arabisk" and "arabisk" are one language and read naturally in explanations.
        return first?.ToLower(System.Globalization.CultureInfo.GetCultureInfo("da-DK")) ?? "";
    }
}
