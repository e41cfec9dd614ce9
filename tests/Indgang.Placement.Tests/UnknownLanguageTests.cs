using Indgang.Placement.Scoring;
using Indgang.Placement.Solving;

namespace Indgang.Placement.Tests;

/// <summary>
/// A language nobody has recorded yet (empty) is no language group (seed 002's "never alone with one's language"):
/// two such households do not share a language, and one of them is not alone with it. Every solver step must agree.
/// </summary>
public class UnknownLanguageTests
{
    public static TheoryData<int> TinySeeds => new() { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 21, 22, 23, 24 };

    [Fact]
    public void Explain_UnknownLanguages_EarnNeitherTogetherNorAlone()
    {
        var request = TestInstances.Request(
            [TestInstances.Single("H1", language: ""), TestInstances.Single("H2", language: " "), TestInstances.Single("H3", language: "tigrinya")],
            [TestInstances.Unit("U1", beds: 1), TestInstances.Unit("U2", beds: 1), TestInstances.Unit("U3", beds: 1, district: "Lynge")]);

        var result = PlacementOptimizer.Solve(request);

        var codes = result.Suggestions.ToDictionary(s => s.HouseholdId, s => s.Terms.Select(t => t.Code).ToList());
        Assert.Equal(3, codes.Count);
        Assert.DoesNotContain(codes["H1"], c => c.StartsWith("LANGUAGE_", StringComparison.Ordinal));
        Assert.DoesNotContain(codes["H2"], c => c.StartsWith("LANGUAGE_", StringComparison.Ordinal));
        Assert.Contains("LANGUAGE_ALONE", codes["H3"]);
        Assert.Equal(1, PlacementMetrics.Of(request, result.Assignment).HouseholdsAloneWithLanguage);
    }

    [Theory]
    [MemberData(nameof(TinySeeds))]
    public void Solve_TinyInstanceWithUnknownLanguages_MatchesBruteForce_AndTheLpBoundHolds(int seed)
    {
        var request = WithUnknownLanguages(RandomInstances.Tiny(seed), seed);
        var index = PlacementIndex.For(request);

        var result = PlacementOptimizer.Solve(request);
        var optimum = BruteForce.BestObjective(request);

        Assert.Equal(SolveStatus.Optimal, result.Status);
        Assert.Equal(optimum, result.Objective);
        Assert.Equal(result.Objective, result.Suggestions.Sum(s => s.Points));
        Assert.True(LpRelaxation.Solve(index, new CandidatePairs(index), TimeSpan.FromSeconds(5))!.Bound >= optimum);
    }

    [Fact]
    public void PlanState_WithUnknownLanguages_ScoresAsTheObjective()
    {
        for (var seed = 600; seed < 606; seed++)
        {
            var request = WithUnknownLanguages(RandomInstances.Small(seed), seed);
            var index = PlacementIndex.For(request);
            var state = new PlanState(index, new CandidatePairs(index));
            PlanStateTests.RandomMoves(state, seed);

            Assert.Equal(PlacementObjective.Evaluate(request, state.Assignment()), state.Score);
        }
    }

    /// <summary>Every other household and occupant (by a seeded roll) with no language recorded.</summary>
    private static PlacementRequest WithUnknownLanguages(PlacementRequest request, int seed)
    {
        var random = new Random(seed * 7919);
        return request with
        {
            Households = [.. request.Households.Select(h => random.Next(2) == 0 ? h with { Language = "" } : h)],
            Occupants = [.. request.Occupants.Select(o => random.Next(2) == 0 ? o with { Language = "" } : o)],
        };
    }
}
