namespace Indgang.Placement.Tests;

public class ExplanationTests
{
    [Fact]
    public void Solve_RandomInstances_ExplanationPointsAddUpToTheObjective()
    {
        for (var seed = 200; seed < 215; seed++)
        {
            var request = RandomInstances.Small(seed, households: 20, units: 24);

            foreach (var result in new[] { PlacementOptimizer.Solve(request), GreedyBaseline.Solve(request) })
            {
                Assert.Equal(result.Objective, result.Suggestions.Sum(s => s.Points));
                Assert.Equal(result.Objective, PlacementObjective.Evaluate(request, result.Assignment));
                Assert.All(result.Suggestions, s => Assert.Equal(s.Terms.Sum(t => t.Points), s.Points));
            }
        }
    }

    [Fact]
    public void Explain_FamilyInPermanentUnitNearSchool_SaysSoInDanish()
    {
        var request = TestInstances.Request([TestInstances.Family("H1")], [TestInstances.Unit("U1") with { SchoolMetres = 300 }]);

        var suggestion = Assert.Single(PlacementOptimizer.Solve(request).Suggestions);

        var texts = suggestion.Terms.Select(t => t.DanishText).ToList();
        Assert.Contains("Familie med børn: 300 m til skole", texts);
        Assert.Contains("Permanent bolig til familie", texts);
        Assert.Contains("Får en bolig", texts);
    }

    [Fact]
    public void Explain_HouseholdJoiningCountrymen_IsNotAloneWithTheLanguage()
    {
        var request = TestInstances.Request(
            [TestInstances.Single("H1", language: "dari")], [TestInstances.Unit("U1", 1)],
            occupants: [new CurrentOccupant("Lillerød", "Dari", IsFamilyWithChildren: false)]);

        var term = Assert.Single(PlacementOptimizer.Solve(request).Suggestions[0].Terms, t => t.Code == "LANGUAGE_TOGETHER");

        Assert.StartsWith("Ikke alene med sproget i distriktet", term.DanishText, StringComparison.Ordinal);
        Assert.True(term.Points > 0);
    }

    [Fact]
    public void Explain_TwoNewCountrymenInOneDistrict_ShareTheGroupBonusEqually()
    {
        var request = TestInstances.Request(
            [TestInstances.Single("H1", language: "somali"), TestInstances.Single("H2", language: "somali")],
            [TestInstances.Unit("U1", 1), TestInstances.Unit("U2", 1)],
            [new("Lillerød", 1)]);

        var plan = PlacementObjective.Explain(request, TestInstances.Plan(("H1", "U1"), ("H2", "U2")));

        var shares = plan.Select(s => s.Terms.Single(t => t.Code == "LANGUAGE_TOGETHER").Points).ToList();
        Assert.Equal(shares[0], shares[1]);
        Assert.Equal(2L * PlacementWeights.Default.TogetherWithLanguage, shares.Sum());
    }

    [Fact]
    public void Explain_LoneHousehold_CarriesTheAlonePenalty()
    {
        var request = TestInstances.Request([TestInstances.Single("H1", language: "kurdisk")], [TestInstances.Unit("U1", 1)]);

        var suggestion = Assert.Single(PlacementObjective.Explain(request, TestInstances.Plan(("H1", "U1"))));

        var term = Assert.Single(suggestion.Terms, t => t.Code == "LANGUAGE_ALONE");
        Assert.Equal(-PlacementWeights.Default.AloneWithLanguage, term.Points);
    }
}
