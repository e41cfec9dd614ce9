using Indgang.Placement.Scoring;

namespace Indgang.Placement.Tests;

public class GroupValueTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(40)]
    public void SpreadPenalty_AnyDistance_IsTheSumOfItsSteps(int distance)
    {
        var w = PlacementWeights.Default;

        var steps = Enumerable.Range(1, distance).Sum(i => GroupValue.SpreadStep(w, i));

        Assert.Equal(steps, GroupValue.SpreadPenalty(w, distance));
    }

    [Fact]
    public void SpreadStep_FarOffDistrict_RisesToTheCeilingAndNoFurther()
    {
        var w = PlacementWeights.Default;

        Assert.Equal(w.SpreadPerHousehold, GroupValue.SpreadStep(w, 1));
        Assert.Equal(w.SpreadPerHousehold + w.SpreadIncreasePerHousehold, GroupValue.SpreadStep(w, 2));
        Assert.Equal(w.SpreadMaxPerHousehold, GroupValue.SpreadStep(w, 100));
    }

    [Fact]
    public void LanguageChange_BeyondTheCap_EarnsNothing()
    {
        var w = PlacementWeights.Default;

        Assert.Equal(0, GroupValue.LanguageChange(w, w.LanguageGroupCap, 5));
    }

    [Fact]
    public void LanguageChange_JoiningALoneHousehold_LiftsItsPenaltyAndEarnsTheBonusForBoth()
    {
        var w = PlacementWeights.Default;

        Assert.Equal(w.AloneWithLanguage + (2L * w.TogetherWithLanguage), GroupValue.LanguageChange(w, 1, 1));
        Assert.Equal(-w.AloneWithLanguage, GroupValue.LanguageChange(w, 0, 1));
    }
}
