using Indgang.Placement.Scoring;
using Indgang.Placement.Solving;

namespace Indgang.Placement.Tests;

public class SupportSearchTests
{
    public static TheoryData<int> Seeds => new() { 51, 52, 53, 54, 55, 56 };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Improve_FromTheBaseline_NeverWorseAndBreaksNoRule(int seed)
    {
        var request = RandomInstances.Small(seed, households: 30, units: 36);
        var index = PlacementIndex.For(request);
        var candidates = new CandidatePairs(index);
        var relaxation = LpRelaxation.Solve(index, candidates, TimeSpan.FromSeconds(5))!;
        var start = GreedyBaseline.Solve(request).Assignment;

        var (improved, value) = SupportSearch.Improve(index, candidates, relaxation, start, PlacementObjective.Evaluate(request, start), TimeSpan.FromSeconds(0.5));

        // The optimizer takes the value as given instead of scoring the plan again.
        Assert.Equal(PlacementObjective.Evaluate(request, improved), value);
        Assert.Empty(HardConstraints.Violations(request, improved));
        var (before, after) = (PlacementObjective.Evaluate(request, start), PlacementObjective.Evaluate(request, improved));
        Assert.True(after >= before, $"the search returned {after}, worse than the {before} it was given");
        Assert.True(after <= relaxation.Bound, $"a plan of {after} above the relaxation's bound {relaxation.Bound}");
    }

    [Fact]
    public void Improve_BenchmarkSFromTheBaseline_FindsABetterPlan()
    {
        var (request, index, start, startValue) = TestInstances.BenchmarkSFromBaseline();
        var candidates = new CandidatePairs(index);
        var relaxation = LpRelaxation.Solve(index, candidates, TimeSpan.FromSeconds(5))!;

        var (improved, _) = SupportSearch.Improve(index, candidates, relaxation, start, startValue, TimeSpan.FromSeconds(1));

        // The baseline is 11 % below the optimum here, and the LP's pairs hold much better plans.
        Assert.True(PlacementObjective.Evaluate(request, improved) > startValue);
        Assert.Empty(HardConstraints.Violations(request, improved));
    }
}
