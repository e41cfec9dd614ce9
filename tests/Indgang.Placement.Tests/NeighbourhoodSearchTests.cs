using Indgang.Placement.Scoring;
using Indgang.Placement.Solving;

namespace Indgang.Placement.Tests;

public class NeighbourhoodSearchTests
{
    public static TheoryData<int> Seeds => new() { 41, 42, 43, 44, 45, 46 };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Improve_FromTheBaselineWithALock_NeverWorseAndBreaksNoRule(int seed)
    {
        var request = WithOneLock(RandomInstances.Small(seed, households: 30, units: 36));
        var index = PlacementIndex.For(request);
        var start = GreedyBaseline.Solve(request).Assignment;

        var (improved, value) = NeighbourhoodSearch.Improve(index, new CandidatePairs(index), start, PlacementObjective.Evaluate(request, start), TimeSpan.FromSeconds(0.5));

        // The optimizer takes the value as given instead of scoring the plan again.
        Assert.Equal(PlacementObjective.Evaluate(request, improved), value);
        Assert.Empty(HardConstraints.Violations(request, improved));
        Assert.True(
            PlacementObjective.Evaluate(request, improved) >= PlacementObjective.Evaluate(request, start),
            "the search returned a worse plan than it was given");
    }

    [Fact]
    public void Improve_BenchmarkSFromTheBaseline_FindsABetterPlan()
    {
        var (request, index, start, startValue) = TestInstances.BenchmarkSFromBaseline();

        var (improved, _) = NeighbourhoodSearch.Improve(index, new CandidatePairs(index), start, startValue, TimeSpan.FromSeconds(1));

        // The baseline is 11 % below the optimum here: re-solving parts of it exactly must find something.
        Assert.True(PlacementObjective.Evaluate(request, improved) > startValue);
        Assert.Empty(HardConstraints.Violations(request, improved));
    }

    [Fact]
    public void Improve_WhenTheStartCannotBeBeaten_ReturnsItWithoutSearching()
    {
        var (_, index, start, startValue) = TestInstances.BenchmarkSFromBaseline();

        // The same start the test above improves; told that its value is optimal (as when it reaches the LP bound),
        // the search must not spend its budget on parts.
        var (plan, value) = NeighbourhoodSearch.Improve(
            index, new CandidatePairs(index), start, startValue, TimeSpan.FromSeconds(1), optimal: v => v >= startValue);

        Assert.Same(start, plan);
        Assert.Equal(startValue, value);
    }

    /// <summary>The first household locked to the last unit it may have, as a coordinator would pin it.</summary>
    private static PlacementRequest WithOneLock(PlacementRequest request)
    {
        var index = PlacementIndex.For(request);
        var household = request.Households[0];
        var unit = request.Units.LastOrDefault(u => PairCheck.Allows(index, household, u));
        return unit is null ? request : request with { Locks = [(household.Id, unit.Id)] };
    }
}
