using Indgang.Domain.Housing;

namespace Indgang.Domain.Tests.Housing;

public sealed class CapacityForecastTests
{
    private static readonly DateOnly December = new(2026, 12, 1);

    [Fact]
    public void Compute_NoArrivalsNoQuota_FreeBedsStayTheSame()
    {
        var result = CapacityForecast.Compute(Input(usable: 40, occupied: 30));

        Assert.Equal(12, result.Months.Count);
        Assert.All(result.Months, m => Assert.Equal(10, m.FreeBedsAtEnd));
        Assert.Null(result.FirstShortfall);
    }

    [Fact]
    public void Compute_RegisteredArrivalsAndMoveOuts_CountInTheirMonths()
    {
        var result = CapacityForecast.Compute(Input(usable: 20, occupied: 15,
            arrivals: [new(4, new DateOnly(2027, 1, 10)), new(3, new DateOnly(2027, 2, 28))],
            moveOuts: [new(2, new DateOnly(2027, 2, 1))]));

        Assert.Equal([5, 1, 0, 0], result.Months.Take(4).Select(m => m.FreeBedsAtEnd));
        Assert.Equal(4, result.Months[1].RegisteredArrivals);
        Assert.Equal(2, result.Months[2].MoveOuts);
    }

    [Fact]
    public void Compute_OverdueArrival_CountsInTheFirstMonth()
    {
        var result = CapacityForecast.Compute(Input(usable: 10, occupied: 5, arrivals: [new(2, new DateOnly(2026, 11, 20))]));

        Assert.Equal(2, result.Months[0].RegisteredArrivals);
        Assert.Equal(3, result.Months[0].FreeBedsAtEnd);
    }

    [Theory]
    // quota for 2027, persons registered for 2027, expected quota persons per month Jan..Nov 2027 (the
    // rest of the year's quota, spread over its twelve months; December 2027 is beyond the window)
    [InlineData(22, 0, new[] { 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1 })]
    [InlineData(24, 0, new[] { 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2 })]
    [InlineData(30, 8, new[] { 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1 })]
    [InlineData(25, 0, new[] { 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2 })]
    [InlineData(5, 9, new[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 })]
    public void Compute_QuotaNotYetRegistered_IsSpreadEvenlyOverTheYearsMonths(int quota2027, int registered2027, int[] expected)
    {
        var result = CapacityForecast.Compute(Input(usable: 100, occupied: 0,
            quota: new Dictionary<int, int> { [2027] = quota2027 },
            arrivals: registered2027 == 0 ? [] : [new(registered2027, new DateOnly(2027, 6, 1))]));

        // December 2026 + January–November 2027.
        Assert.Equal(0, result.Months[0].QuotaArrivals);
        Assert.Equal(expected, result.Months.Skip(1).Select(m => m.QuotaArrivals));
    }

    [Fact]
    public void Compute_WindowReachesOneMonthIntoNextYear_BringsOnlyThatMonthsShareOfItsQuota()
    {
        // February 2026 to January 2027: January is one of 2027's twelve months, so it brings 2 of the
        // 24 quota persons, not all of them (which would show a shortfall that will not happen).
        var result = CapacityForecast.Compute(Input(usable: 10, occupied: 0,
            quota: new Dictionary<int, int> { [2027] = 24 }) with { FirstMonth = new DateOnly(2026, 2, 1) });

        Assert.Equal(new DateOnly(2027, 1, 1), result.Months[^1].Month);
        Assert.Equal(2, result.Months[^1].QuotaArrivals);
        Assert.Null(result.FirstShortfall);
    }

    [Fact]
    public void Compute_QuotaThisYear_IsSpreadOverItsRemainingMonths()
    {
        // From December 2026: what is left of 2026's quota arrives in December, its last month.
        var result = CapacityForecast.Compute(Input(usable: 50, occupied: 0, quota: new Dictionary<int, int> { [2026] = 7 }));

        Assert.Equal(7, result.Months[0].QuotaArrivals);
        Assert.All(result.Months.Skip(1), m => Assert.Equal(0, m.QuotaArrivals));
    }

    [Fact]
    public void Compute_QuotaAlreadyPartlyReceivedThisYear_OnlyTheRestIsForecast()
    {
        var result = CapacityForecast.Compute(Input(usable: 50, occupied: 0, quota: new Dictionary<int, int> { [2026] = 30 }, alreadyArrived: 27));

        Assert.Equal(3, result.Months[0].QuotaArrivals);
    }

    [Theory]
    // 2027's quota; persons of it received already (placed ahead: their beds are occupied now) for 2027 and for 2026;
    // the quota persons expected in January–November 2027 (of the rest, spread over 2027's twelve months)
    [InlineData(24, 0, 0, 22)]
    [InlineData(24, 12, 0, 11)]
    [InlineData(24, 12, 20, 11)]
    [InlineData(1200, 12, 0, 1089)]
    [InlineData(10, 12, 0, 0)]
    public void Compute_PersonsPlacedAheadForNextYear_CountAgainstNextYearsQuota(int quota2027, int received2027, int received2026, int expectedJanToNov)
    {
        var result = CapacityForecast.Compute(Input(usable: 2000, occupied: 0,
            quota: new Dictionary<int, int> { [2027] = quota2027 },
            received: new Dictionary<int, int> { [2026] = received2026, [2027] = received2027 }));

        Assert.Equal(expectedJanToNov, result.Months.Where(m => m.Month.Year == 2027).Sum(m => m.QuotaArrivals));
        // A year's received persons count against that year's quota only, not another's.
        Assert.Equal(0, result.Months[0].QuotaArrivals);
    }

    [Fact]
    public void Compute_DemandOutgrowsBeds_ReportsTheFirstShortfallMonth()
    {
        var result = CapacityForecast.Compute(Input(usable: 30, occupied: 26,
            quota: new Dictionary<int, int> { [2027] = 22 },
            moveOuts: [new(1, new DateOnly(2027, 1, 15))]));

        // 4 free; from January 2 quota persons a month (22 over 2027's 12 months), 1 bed freed in January: 3, 1, -1.
        Assert.Equal(new DateOnly(2027, 3, 1), result.FirstShortfall!.Month);
        Assert.Equal(-1, result.FirstShortfall.FreeBedsAtEnd);
    }

    [Fact]
    public void Compute_UnitOpeningLater_AddsItsBedsInItsMonthOnly()
    {
        // 2 free beds now; a pavilion of 6 beds opens in February; 3 persons arrive in January and 3 in March.
        var input = Input(usable: 10, occupied: 8, arrivals: [new(3, new DateOnly(2027, 1, 10)), new(3, new DateOnly(2027, 3, 10))])
            with { Openings = [new BedsOpening(6, new DateOnly(2027, 2, 1))] };

        var result = CapacityForecast.Compute(input);

        Assert.Equal([2, -1, 5, 2], result.Months.Take(4).Select(m => m.FreeBedsAtEnd));
        Assert.Equal(6, result.Months[2].NewBeds);
        Assert.Equal(new DateOnly(2027, 1, 1), result.FirstShortfall?.Month);
    }

    [Theory]
    // persons registered for June 2027, of them counted against the quota, quota persons expected in January 2027 (the
    // quota of 24 less those registered, spread over twelve months)
    [InlineData(12, 12, 1)]
    [InlineData(12, 0, 2)]
    [InlineData(12, 6, 2)]
    [InlineData(24, 24, 0)]
    [InlineData(24, 12, 1)]
    public void Compute_FamilyReunifiedArrivals_NeedBedsButAreNotPartOfTheQuota(int persons, int ofQuota, int januaryQuota)
    {
        var result = CapacityForecast.Compute(Input(usable: 100, occupied: 0,
            quota: new Dictionary<int, int> { [2027] = 24 },
            arrivals: [new(persons, new DateOnly(2027, 6, 1), ofQuota)]));

        Assert.Equal(januaryQuota, result.Months[1].QuotaArrivals);
        Assert.Equal(persons, result.Months[6].RegisteredArrivals);
    }

    [Theory]
    // a registered arrival (persons, day; none: ""), the quota for 2026 (all of it arriving in December) and 2027, the
    // typical stay in days (null: not known yet), and the move-outs expected in December 2026, January–November 2027
    [InlineData(3, "2026-12-08", 0, 0, 300, new[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0 })]
    [InlineData(3, "2027-01-31", 0, 0, 300, new[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3 })]
    [InlineData(3, "2027-03-10", 0, 0, 300, new[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 })]
    [InlineData(3, "2026-12-08", 0, 0, null, new[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 })]
    [InlineData(0, "", 7, 0, 300, new[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7, 0 })]
    [InlineData(0, "", 0, 24, 200, new[] { 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 2, 2 })]
    [InlineData(0, "", 0, 24, null, new[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 })]
    [InlineData(4, "2027-01-10", 0, 24, 200, new[] { 0, 0, 0, 0, 0, 0, 0, 4, 2, 2, 2, 2 })]
    public void Compute_ArrivalsMoveOutAfterTheTypicalStay_WhenThatFallsInTheWindow(int persons, string on, int quota2026, int quota2027, int? stayDays, int[] expectedMoveOuts)
    {
        var input = Input(usable: 100, occupied: 0,
            quota: new Dictionary<int, int> { [2026] = quota2026, [2027] = quota2027 },
            arrivals: persons == 0 ? [] : [new(persons, DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture), 0)]) with { TypicalStayDays = stayDays };

        var result = CapacityForecast.Compute(input);

        Assert.Equal(expectedMoveOuts, result.Months.Select(m => m.MoveOuts));
        // Counted as residents' move-outs are: each frees in its month the beds its arrival took.
        var arrived = result.Months.Sum(m => m.Arrivals);
        Assert.Equal(100 - arrived + expectedMoveOuts.Sum(), result.Months[^1].FreeBedsAtEnd);
    }

    [Fact]
    public void Compute_ArrivalThatCameAlreadyAndWaits_MovesOutTheTypicalStayAfterItsStayBegins()
    {
        // Came on 20 November and still waits: its bed is needed from 6 December, so it moves out 300 days after that
        // (2 October 2027), not after its arrival (16 September).
        var input = Input(usable: 10, occupied: 0, arrivals: [new(2, new DateOnly(2026, 11, 20), StayFrom: new DateOnly(2026, 12, 6))]) with { TypicalStayDays = 300 };

        var result = CapacityForecast.Compute(input);

        Assert.Equal(2, result.Months[0].RegisteredArrivals);
        Assert.Equal(2, result.Months.Single(m => m.Month == new DateOnly(2027, 10, 1)).MoveOuts);
    }

    [Fact]
    public void Compute_ArrivalMovedOutInTheWindow_FreesItsBedsForTheLastMonths()
    {
        // 2 free beds; 3 persons arrive on 8 December and stay 300 days (to 4 October 2027): short from December to
        // September, not to the end of the window.
        var input = Input(usable: 10, occupied: 8, arrivals: [new(3, new DateOnly(2026, 12, 8))]) with { TypicalStayDays = 300 };

        var result = CapacityForecast.Compute(input);

        Assert.Equal([-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 2, 2], result.Months.Select(m => m.FreeBedsAtEnd));
    }

    [Theory]
    // a move-in agreed ahead (beds, day), a move out (beds, day; 0: none), expected free beds at the end of Dec 2026..Mar 2027
    // (usable 20, occupied now 10): the move-in takes its beds in its month, not now.
    [InlineData(3, "2027-02-10", 0, "2027-02-10", new[] { 10, 10, 7, 7 })]
    [InlineData(3, "2026-12-20", 0, "2026-12-20", new[] { 7, 7, 7, 7 })]
    // A household moving from a 2-bed unit to a 3-bed one in February: the old unit's beds free, the new one's taken.
    [InlineData(3, "2027-02-10", 2, "2027-02-10", new[] { 10, 10, 9, 9 })]
    // Moving out in January, into the new unit in March.
    [InlineData(3, "2027-03-01", 2, "2027-01-31", new[] { 10, 12, 12, 9 })]
    public void Compute_MoveInAgreedAhead_TakesItsBedsInItsMonth(int moveInBeds, string moveInOn, int moveOutBeds, string moveOutOn, int[] expected)
    {
        var input = Input(usable: 20, occupied: 10, moveOuts: moveOutBeds == 0 ? [] : [new(moveOutBeds, DateOnly.Parse(moveOutOn, System.Globalization.CultureInfo.InvariantCulture))])
            with { MoveIns = [new(moveInBeds, DateOnly.Parse(moveInOn, System.Globalization.CultureInfo.InvariantCulture))] };

        var result = CapacityForecast.Compute(input);

        Assert.Equal(expected, result.Months.Take(4).Select(m => m.FreeBedsAtEnd));
        Assert.Equal(moveInBeds, result.Months.Sum(m => m.MoveIns));
        // The table's sums add up: each month's free beds are the last month's plus what comes free, less what is taken.
        var free = input.UsableBeds - input.OccupiedBeds;
        Assert.All(result.Months, m => Assert.Equal(free += m.MoveOuts + m.NewBeds - m.Arrivals - m.MoveIns, m.FreeBedsAtEnd));
    }

    private static ForecastInput Input(
        int usable,
        int occupied,
        IReadOnlyDictionary<int, int>? quota = null,
        IReadOnlyList<ExpectedArrival>? arrivals = null,
        IReadOnlyList<ExpectedMoveOut>? moveOuts = null,
        int alreadyArrived = 0,
        IReadOnlyDictionary<int, int>? received = null) =>
        new(December, usable, occupied, quota ?? new Dictionary<int, int>(), received ?? new Dictionary<int, int> { [2026] = alreadyArrived }, arrivals ?? [], moveOuts ?? []);
}
