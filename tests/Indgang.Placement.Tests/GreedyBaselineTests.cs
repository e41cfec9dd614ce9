namespace Indgang.Placement.Tests;

/// <summary>
/// The greedy baseline takes households in arrival order: longest waited first, then the one needed (arriving)
/// first, then by id — not in the order the list happens to have them.
/// </summary>
public class GreedyBaselineTests
{
    private static readonly DateOnly Day = TestInstances.PlanningDate;

    public static TheoryData<string, PlacementHousehold[], string> OneUnitCases => new()
    {
        {
            "announced households: the first to arrive, though listed last",
            [Announced("H1", Day.AddDays(7)), Announced("H2", Day.AddDays(5)), Announced("H3", Day.AddDays(3))],
            "H3"
        },
        {
            "longest waited before an earlier arrival",
            [Arrived("H1", daysWaited: 2), Arrived("H2", daysWaited: 9)],
            "H2"
        },
        {
            "arrived today before one announced for tomorrow, listed first",
            [Announced("H1", Day.AddDays(1)), Arrived("H2", daysWaited: 0)],
            "H2"
        },
        {
            "same wait and arrival: the lower id, listed last",
            [Announced("H2", Day.AddDays(4)), Announced("H1", Day.AddDays(4))],
            "H1"
        },
        {
            "an expected arrival already past counts as needed today: the lower id",
            [Arrived("H2", daysWaited: 0), Announced("H1", Day.AddDays(-2))],
            "H1"
        },
    };

    [Theory]
    [MemberData(nameof(OneUnitCases))]
    public void Solve_OneUnitForSeveral_GoesToTheFirstInArrivalOrder(string situation, PlacementHousehold[] households, string expected)
    {
        var request = TestInstances.Request(households, [TestInstances.Unit("U1")]);

        var suggestion = Assert.Single(GreedyBaseline.Solve(request).Suggestions);

        Assert.True(expected == suggestion.HouseholdId, $"{situation}: got {suggestion.HouseholdId}, expected {expected}");
    }

    private static PlacementHousehold Announced(string id, DateOnly expectedArrival) =>
        TestInstances.Single(id) with { DaysWaited = 0, ExpectedArrival = expectedArrival };

    private static PlacementHousehold Arrived(string id, int daysWaited) =>
        TestInstances.Single(id) with { DaysWaited = daysWaited };
}
