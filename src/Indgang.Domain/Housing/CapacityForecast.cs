namespace Indgang.Domain.Housing;

/// <summary>
/// An expected arrival of a registered household: its size, the expected date, and how many of its members count against
/// the quota (<see cref="HousingDuty.CountsAgainstQuota"/>; null: all of them). <see cref="StayFrom"/> is the day its stay
/// in temporary housing is counted from when that is not the expected date (a household that came already and still
/// waits needs its bed from today): it moves out the typical stay after it.
/// </summary>
public sealed record ExpectedArrival(int Persons, DateOnly ExpectedOn, int? QuotaPersons = null, DateOnly? StayFrom = null)
{
    /// <summary>The members the quota counts: a family-reunified member needs a bed but is not part of the quota.</summary>
    public int CountedAgainstQuota => QuotaPersons ?? Persons;
}

/// <summary>Beds expected to come free: a household moving out of temporary housing on a date.</summary>
public sealed record ExpectedMoveOut(int Beds, DateOnly On);

/// <summary>
/// Beds taken on a date by a move-in agreed ahead: a household given one of our temporary units from a later day (placed
/// ahead of its arrival, or moving from another of our units, whose move out frees that unit's beds the same day).
/// </summary>
public sealed record ExpectedMoveIn(int Beds, DateOnly On);

/// <summary>Beds that open on a date: a temporary unit not yet free, with nobody living in it (a new pavilion, say).</summary>
public sealed record BedsOpening(int Beds, DateOnly On);

/// <summary>
/// What the forecast starts from: usable beds (temporary units, not blocked, not in a vulnerable
/// area, free now) and occupied beds now (stays lived in today: a move-in agreed for a later day takes its beds in its
/// month, <see cref="MoveIns"/>), the yearly quotas (persons) and, by year, the persons of each year's quota
/// already received (<see cref="PersonsReceivedByYear"/>), registered arrivals, expected move-outs, and the beds of units
/// that open later (not in the usable beds until their month). The persons received are those of a year's quota no longer
/// waiting, by the year of their arrival: arrived this year, or placed ahead for an arrival later this year or next
/// (their beds are taken by their move-in, <see cref="MoveIns"/>). They count against that year's quota, so they are not expected again.
/// <see cref="TypicalStayDays"/> is how long a household is expected to stay in temporary housing from the day it moves
/// in (null: not known yet): the arrivals in the window move out that many days after they come.
/// </summary>
public sealed record ForecastInput(
    DateOnly FirstMonth,
    int UsableBeds,
    int OccupiedBeds,
    IReadOnlyDictionary<int, int> YearlyQuotaPersons,
    IReadOnlyDictionary<int, int> PersonsReceivedByYear,
    IReadOnlyList<ExpectedArrival> RegisteredArrivals,
    IReadOnlyList<ExpectedMoveOut> MoveOuts,
    int Months = 12,
    IReadOnlyList<BedsOpening>? Openings = null,
    int? TypicalStayDays = null,
    IReadOnlyList<ExpectedMoveIn>? MoveIns = null)
{
    /// <summary>The persons of the first month's year's quota received already (<see cref="PersonsReceivedByYear"/>).</summary>
    public int PersonsAlreadyArrivedThisYear => PersonsReceivedByYear.GetValueOrDefault(FirstMonth.Year);
}

/// <summary>
/// One month (its first day): persons expected (registered arrivals plus the rest of the quota spread
/// evenly), beds coming free, beds taken by agreed move-ins, and free beds at the end of the month (negative is a
/// shortfall): the previous month's free beds + <see cref="MoveOuts"/> + <see cref="NewBeds"/> − <see cref="Arrivals"/>
/// − <see cref="MoveIns"/>.
/// </summary>
public sealed record ForecastMonth(DateOnly Month, int RegisteredArrivals, int QuotaArrivals, int MoveOuts, int FreeBedsAtEnd, int NewBeds = 0, int MoveIns = 0)
{
    public int Arrivals => RegisteredArrivals + QuotaArrivals;
    public bool IsShortfall => FreeBedsAtEnd < 0;
}

public sealed record ForecastResult(IReadOnlyList<ForecastMonth> Months)
{
    /// <summary>The first month with too few beds: when a pavilion decision is needed (seed 001).</summary>
    public ForecastMonth? FirstShortfall => Months.FirstOrDefault(m => m.IsShortfall);
}

/// <summary>
/// Temporary-housing capacity month by month (HOUSE-4). Registered arrivals count in their month;
/// the part of each year's quota not yet registered or received is spread evenly over that year's
/// remaining months, up to December, and the forecast counts those within its window (a year the
/// window only reaches into brings only its months' share, not the whole quota); expected move-outs
/// free beds in their month, and move-ins agreed ahead take them in theirs. Arrivals, registered and of the quota, move out after the typical stay
/// (<see cref="ForecastInput.TypicalStayDays"/>) when that falls within the window, counted as residents' move-outs are:
/// otherwise the last months overstated the shortfall, and changed when a waiting household was placed (its stay, once
/// placed, is a resident's with its expected move-out).
/// </summary>
public static class CapacityForecast
{
    public static ForecastResult Compute(ForecastInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var first = new DateOnly(input.FirstMonth.Year, input.FirstMonth.Month, 1);
        var months = Enumerable.Range(0, input.Months).Select(first.AddMonths).ToList();
        var quotaByMonth = SpreadQuota(input, months);
        var allMoveOuts = input.MoveOuts.Concat(ArrivalsMovingOut(input, quotaByMonth)).ToList();
        var free = input.UsableBeds - input.OccupiedBeds;
        var result = new List<ForecastMonth>();
        foreach (var month in months)
        {
            var next = month.AddMonths(1);
            var registered = input.RegisteredArrivals.Where(a => Within(a.ExpectedOn, month, next, first)).Sum(a => a.Persons);
            var moveOuts = allMoveOuts.Where(m => Within(m.On, month, next, first)).Sum(m => m.Beds);
            var opening = (input.Openings ?? []).Where(o => Within(o.On, month, next, first)).Sum(o => o.Beds);
            var movingIn = (input.MoveIns ?? []).Where(m => Within(m.On, month, next, first)).Sum(m => m.Beds);
            var quota = quotaByMonth[month];
            free += moveOuts + opening - registered - quota - movingIn;
            result.Add(new ForecastMonth(month, registered, quota, moveOuts, free, opening, movingIn));
        }

        return new ForecastResult(result);
    }

    /// <summary>
    /// Arrivals move out after the typical stay, as residents do: a registered arrival that many days after its expected
    /// day (or the day its stay is counted from), the quota's arrivals of a month that many days after the month's middle (they come spread over it). One whose
    /// move-out falls after the window frees nothing in it; with no typical stay known, none is expected.
    /// </summary>
    private static IEnumerable<ExpectedMoveOut> ArrivalsMovingOut(ForecastInput input, Dictionary<DateOnly, int> quotaByMonth)
    {
        if (input.TypicalStayDays is not { } stay)
        {
            return [];
        }

        var registered = input.RegisteredArrivals.Select(a => new ExpectedMoveOut(a.Persons, (a.StayFrom ?? a.ExpectedOn).AddDays(stay)));
        var quota = quotaByMonth.Where(q => q.Value > 0).Select(q => new ExpectedMoveOut(q.Value, MidMonth(q.Key).AddDays(stay)));
        return registered.Concat(quota);
    }

    private static DateOnly MidMonth(DateOnly month) => new(month.Year, month.Month, 15);

    // Anything already due before the first month counts in the first month.
    private static bool Within(DateOnly date, DateOnly month, DateOnly next, DateOnly first) =>
        (date >= month && date < next) || (month == first && date < first);

    private static Dictionary<DateOnly, int> SpreadQuota(ForecastInput input, List<DateOnly> months)
    {
        var spread = months.ToDictionary(m => m, _ => 0);
        foreach (var year in months.Select(m => m.Year).Distinct())
        {
            var quota = input.YearlyQuotaPersons.GetValueOrDefault(year);
            var registeredInYear = input.RegisteredArrivals.Where(a => a.ExpectedOn.Year == year).Sum(a => a.CountedAgainstQuota);
            // Received already: arrived, or placed ahead for an arrival in the year (next year's too, not only this year's).
            var received = input.PersonsReceivedByYear.GetValueOrDefault(year);
            var remaining = Math.Max(0, quota - registeredInYear - received);
            // The year's months from the first one not yet past to December, in the window or after it.
            var from = year == months[0].Year ? months[0].Month : 1;
            var yearMonths = Enumerable.Range(from, 13 - from).Select(m => new DateOnly(year, m, 1)).ToList();
            for (var i = 0; i < yearMonths.Count; i++)
            {
                // Even spread with the remainder in the earliest months, so the year's total is exact.
                if (spread.ContainsKey(yearMonths[i]))
                {
                    spread[yearMonths[i]] = (remaining / yearMonths.Count) + (i < remaining % yearMonths.Count ? 1 : 0);
                }
            }
        }

        return spread;
    }
}
