using Indgang.Placement.Scoring;
using Indgang.Placement.Solving;

namespace Indgang.Placement.Tests;

public class LagrangianBoundTests
{
    public static TheoryData<int> TinySeeds => new() { 21, 22, 23, 24, 25, 26, 27, 28 };

    [Theory]
    [MemberData(nameof(TinySeeds))]
    public void Compute_TinyInstance_NeverBelowTheBruteForceOptimum(int seed)
    {
        var request = RandomInstances.Tiny(seed);
        var index = PlacementIndex.For(request);

        var bound = LagrangianBound.Compute(index, new CandidatePairs(index), () => 0, TimeSpan.FromSeconds(2), CancellationToken.None);

        Assert.True(bound is null || bound >= BruteForce.BestObjective(request), $"bound {bound} below the optimum");
    }

    [Fact]
    public void PairOptimalPlan_RandomInstance_BreaksNoRuleOfASinglePair()
    {
        var request = RandomInstances.Small(400);
        var index = PlacementIndex.For(request);

        var plan = LagrangianBound.PairOptimalPlan(index, new CandidatePairs(index));

        Assert.NotEmpty(plan);
        Assert.All(plan, pair => Assert.True(HardConstraints.Allows(request, index.Households[pair.Key], index.Units[pair.Value])));
    }
}
