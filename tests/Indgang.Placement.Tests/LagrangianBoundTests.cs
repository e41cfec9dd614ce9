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
        var candidates = new CandidatePairs(index);

        var unguided = LagrangianBound.Compute(index, candidates, () => 0, TimeSpan.FromSeconds(2), CancellationToken.None);
        var guided = LagrangianBound.Compute(
            index, candidates, () => 0, TimeSpan.FromSeconds(2), CancellationToken.None, GreedyBaseline.Solve(request).Assignment);

        var optimum = BruteForce.BestObjective(request);
        Assert.True(unguided is null || unguided >= optimum, $"bound {unguided} below the optimum {optimum}");
        Assert.True(guided is null || guided >= optimum, $"bound from the baseline's prices {guided} below the optimum {optimum}");
    }

    [Fact]
    public void Compute_SchoolSeatsForOneFamily_BoundsCloseToHousingOneFamily()
    {
        var families = new[] { TestInstances.Family("H1", childAges: [7, 9]), TestInstances.Family("H2", childAges: [8, 10]) };
        var units = new[] { TestInstances.Unit("U1"), TestInstances.Unit("U2") };
        var limited = TestInstances.Request(families, units, [new("Lillerød", 1, FreeSchoolSeats: 2)]);
        var unlimited = TestInstances.Request(families, units, [new("Lillerød", 1)]);

        var withSeats = Bound(limited);
        var withoutSeats = Bound(unlimited);

        var optimum = BruteForce.BestObjective(limited);
        Assert.True(withSeats >= optimum, $"bound {withSeats} below the optimum {optimum}");
        // Two seats take one family of two school children: the priced seats keep the bound near that, far below
        // what housing both would be worth.
        Assert.True(withSeats < withoutSeats, $"seats not priced: {withSeats} vs {withoutSeats}");
        Assert.True(withSeats - optimum < (withoutSeats - optimum) / 2, $"bound {withSeats}, optimum {optimum}, without seats {withoutSeats}");
    }

    private static long? Bound(PlacementRequest request)
    {
        var index = PlacementIndex.For(request);
        return LagrangianBound.Compute(index, new CandidatePairs(index), () => 0, TimeSpan.FromSeconds(2), CancellationToken.None);
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
