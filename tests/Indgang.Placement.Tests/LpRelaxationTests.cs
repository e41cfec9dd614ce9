using Indgang.Placement.Scoring;
using Indgang.Placement.Solving;

namespace Indgang.Placement.Tests;

public class LpRelaxationTests
{
    public static TheoryData<int> TinySeeds => new() { 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32 };

    [Theory]
    [MemberData(nameof(TinySeeds))]
    public void Bound_TinyInstance_NeverBelowTheBruteForceOptimum(int seed)
    {
        var request = RandomInstances.Tiny(seed);
        var index = PlacementIndex.For(request);

        var relaxation = LpRelaxation.Solve(index, new CandidatePairs(index), TimeSpan.FromSeconds(5));

        var optimum = BruteForce.BestObjective(request);
        Assert.NotNull(relaxation);
        Assert.True(relaxation.Bound >= optimum, $"bound {relaxation.Bound} below the optimum {optimum}");
    }

    [Fact]
    public void PairsThatCannotBeat_TinyInstances_NoPlanAsGoodAsTheOptimumUsesAnyOfThem()
    {
        var pruned = 0;
        foreach (var seed in Enumerable.Range(21, 12))
        {
            var request = RandomInstances.Tiny(seed);
            var index = PlacementIndex.For(request);
            var candidates = new CandidatePairs(index);
            var optimum = BruteForce.BestObjective(request);
            var relaxation = LpRelaxation.Solve(index, candidates, TimeSpan.FromSeconds(5))!;

            // Pairs no plan scoring more than optimum − 1 can use: then no plan reaching the optimum uses them.
            var cannotBeat = relaxation.PairsThatCannotBeat(optimum - 1);
            var leftOut = Enumerable.Range(0, candidates.Pairs.Count).Where(p => cannotBeat[p])
                .SelectMany(p => candidates.Types[candidates.Pairs[p].Type].Members.Select(m => (m.Id, candidates.Units[candidates.Pairs[p].Unit].Id)))
                .ToHashSet();
            var bestUsingThem = BruteForce.BestObjective(request, plan => plan.Any(a => leftOut.Contains((a.Key, a.Value))));

            Assert.True(bestUsingThem < optimum, $"seed {seed}: a plan of {bestUsingThem} uses a left-out pair; optimum {optimum}");
            pruned += leftOut.Count;
        }

        Assert.True(pruned > 0, "no pair was ever left out: the check above proved nothing");
    }

    [Fact]
    public void Bound_SharedRoomFilledFromTwoLanguages_NoCreditForBedsNobodyPaysFor()
    {
        // Four beds, two kinds of single men with four of each: any four fill the room. Without beds·inUse ≥ occupants
        // the LP put two of each in at inUse ½ and earned half the room's empty-bed charge back.
        var households = Enumerable.Range(1, 8)
            .Select(i => TestInstances.Single($"H{i}", language: i <= 4 ? "arabisk" : "tigrinya"))
            .ToList();
        var request = TestInstances.Request(households, [TestInstances.SharedRoom("R1", beds: 4)], [new("Lillerød", 1)]);
        var index = PlacementIndex.For(request);

        var relaxation = LpRelaxation.Solve(index, new CandidatePairs(index), TimeSpan.FromSeconds(5))!;

        Assert.Equal(BruteForce.BestObjective(request), relaxation.Bound);
    }
}
