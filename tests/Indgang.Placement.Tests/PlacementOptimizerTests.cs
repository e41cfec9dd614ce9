namespace Indgang.Placement.Tests;

public class PlacementOptimizerTests
{
    public static TheoryData<int> TinySeeds => new() { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 };

    [Theory]
    [MemberData(nameof(TinySeeds))]
    public void Solve_TinyInstance_MatchesBruteForceOptimum(int seed)
    {
        var request = RandomInstances.Tiny(seed);

        var result = PlacementOptimizer.Solve(request);

        Assert.Equal(SolveStatus.Optimal, result.Status);
        Assert.Equal(BruteForce.BestObjective(request), result.Objective);
        Assert.Equal(result.Objective, result.Bound);
    }

    [Fact]
    public void Solve_RandomInstances_NeverBreakAHardConstraintNorLoseToTheBaseline()
    {
        for (var seed = 100; seed < 130; seed++)
        {
            var request = RandomInstances.Small(seed);

            var optimized = PlacementOptimizer.Solve(request);
            var baseline = GreedyBaseline.Solve(request);

            Assert.Empty(HardConstraints.Violations(request, optimized.Assignment));
            Assert.Empty(HardConstraints.Violations(request, baseline.Assignment));
            Assert.True(optimized.Objective >= baseline.Objective, $"seed {seed}: {optimized.Objective} < {baseline.Objective}");
            Assert.True(optimized.Objective <= optimized.Bound, $"seed {seed}: objective above bound");
            Assert.Equal(request.Households.Count, optimized.Suggestions.Count + optimized.Unhoused.Count);
        }
    }

    [Fact]
    public void Solve_Lock_PlacesTheLockedPairEvenWhenAnotherUnitScoresMore()
    {
        var family = TestInstances.Family("H1");
        var far = TestInstances.Unit("U1") with { SchoolMetres = 1900, IsPermanent = false };
        var near = TestInstances.Unit("U2");
        var request = TestInstances.Request([family], [far, near], locks: [("H1", "U1")]);

        var result = PlacementOptimizer.Solve(request);

        Assert.Equal("U1", Assert.Single(result.Suggestions).UnitId);
        Assert.Equal("U1", Assert.Single(GreedyBaseline.Solve(request).Suggestions).UnitId);
    }

    [Fact]
    public void Solve_Exclusion_AvoidsThePairEvenWhenItScoresMost()
    {
        var family = TestInstances.Family("H1");
        var far = TestInstances.Unit("U1") with { SchoolMetres = 1900, IsPermanent = false };
        var near = TestInstances.Unit("U2");
        var request = TestInstances.Request([family], [far, near], exclusions: [("H1", "U2")]);

        Assert.Equal("U1", Assert.Single(PlacementOptimizer.Solve(request).Suggestions).UnitId);
    }

    [Fact]
    public void Solve_TwoLocksOnOneWholeUnit_IsInfeasible()
    {
        var request = TestInstances.Request(
            [TestInstances.Single("H1"), TestInstances.Single("H2")], [TestInstances.Unit("U1")], locks: [("H1", "U1"), ("H2", "U1")]);

        Assert.Equal(SolveStatus.Infeasible, PlacementOptimizer.Solve(request).Status);
        Assert.Equal(SolveStatus.Infeasible, GreedyBaseline.Solve(request).Status);
    }

    [Fact]
    public void Solve_FamilyAndSingleCompetingForOnePermanentUnit_GivesItToTheFamily()
    {
        var family = TestInstances.Family("H1");
        var single = TestInstances.Single("H2") with { MonthlyRentCap = 4932m };
        var permanent = TestInstances.Unit("U1");
        var temporary = TestInstances.Unit("U2") with { IsPermanent = false, SchoolMetres = 1900 };
        var request = TestInstances.Request([single, family], [permanent, temporary]);

        var plan = PlacementOptimizer.Solve(request).Assignment;

        Assert.Equal("U1", plan["H1"]);
    }

    [Fact]
    public void Solve_LonelyLanguage_PlacesCountrymenTogether()
    {
        var first = TestInstances.Single("H1", language: "tigrinya");
        var second = TestInstances.Single("H2", language: "tigrinya");
        var units = new[] { TestInstances.Unit("U1", 1, "Lillerød"), TestInstances.Unit("U2", 1, "Lynge"), TestInstances.Unit("U3", 1, "Lynge") };
        var request = TestInstances.Request([first, second], units, [new("Lillerød", 0.5), new("Lynge", 0.5)]);

        var plan = PlacementOptimizer.Solve(request).Assignment;

        Assert.Equal(0, PlacementMetrics.Of(request, plan).HouseholdsAloneWithLanguage);
    }
}
