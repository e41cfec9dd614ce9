using Indgang.Placement.Generation;
using Indgang.Placement.Scoring;
using Indgang.Placement.Solving;

namespace Indgang.Placement.Tests;

public class SolvingEdgeTests
{
    [Fact]
    public void Solve_AlmostNoTime_StillReturnsAValidPlanNoWorseThanTheBaseline()
    {
        var request = SyntheticInstances.Request(new InstanceShape(60, 80, 5), 7, TimeSpan.FromMilliseconds(1));

        var result = PlacementOptimizer.Solve(request);

        Assert.Empty(HardConstraints.Violations(request, result.Assignment));
        Assert.True(result.Objective >= GreedyBaseline.Solve(request).Objective);
        Assert.True(result.Objective <= result.Bound);
    }

    [Fact]
    public void Solve_NoUnits_HousesNobodyAndSaysWhoWaits()
    {
        var request = TestInstances.Request([TestInstances.Single("H1"), TestInstances.Family("H2")], []);

        var result = PlacementOptimizer.Solve(request);

        Assert.Empty(result.Suggestions);
        Assert.Equal(["H1", "H2"], result.Unhoused);
    }

    [Fact]
    public void Allows_RandomPairs_AgreesWithTheListOfProblems()
    {
        var request = RandomInstances.Small(500);
        var index = PlacementIndex.For(request);

        foreach (var household in request.Households)
        {
            foreach (var unit in request.Units)
            {
                Assert.Equal(PairCheck.Problems(index, household, unit) == PairProblems.None, PairCheck.Allows(index, household, unit));
            }
        }
    }

    [Fact]
    public void Of_IdenticalHouseholds_AreOneTypeUnlessACoordinatorChoseForOne()
    {
        var households = new[] { TestInstances.Single("H1"), TestInstances.Single("H2"), TestInstances.Single("H3") };
        var request = TestInstances.Request(households, [TestInstances.Unit("U1")], exclusions: [("H3", "U1")]);

        var types = InterchangeableHouseholds.Of(PlacementIndex.For(request));

        Assert.Equal(2, types.Count);
        Assert.Contains(types, t => t.Members.Select(m => m.Id).SequenceEqual(["H1", "H2"]));
    }
}
