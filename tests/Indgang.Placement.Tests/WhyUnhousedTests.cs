namespace Indgang.Placement.Tests;

/// <summary>A household without a suggestion is told why: no free unit fits (and which rules rule them out), or units fit but went to others.</summary>
public class WhyUnhousedTests
{
    [Fact]
    public void NoUnitFits_TheRulesThatRuleTheUnitsOut_MostUnitsFirst()
    {
        var family = TestInstances.Family("H1") with { NeedsStepFree = true };
        var request = TestInstances.Request([family], [
            TestInstances.Unit("U1", beds: 2) with { StepFree = false },
            TestInstances.Unit("U2") with { StepFree = false },
            TestInstances.Unit("U3", beds: 3),
        ]);

        var why = WhyUnhoused.Of(request, PlacementOptimizer.Solve(request));

        Assert.Equal(
            "Ingen ledig bolig passer husstanden: for få senge (2 boliger); husstanden har brug for niveaufri adgang (2 boliger).",
            why["H1"].ToString());
    }

    [Fact]
    public void NoPermanentUnitWithRoomForTheFamilyToJoin_SaysSo()
    {
        var single = TestInstances.Single("H1") with { FamilyToJoin = 3 };
        var request = TestInstances.Request([single], [TestInstances.Unit("U1", beds: 2)]);

        var why = WhyUnhoused.Of(request, PlacementOptimizer.Solve(request));

        Assert.Equal(
            "Ingen ledig bolig passer husstanden: den permanente bolig har ikke plads til familien, der er søgt familiesammenføring til (1 bolig).",
            why["H1"].ToString());
    }

    [Fact]
    public void UnitsFitButWentToOthers_SaysHowMany()
    {
        var longer = TestInstances.Single("H1") with { DaysWaited = 90 };
        var shorter = TestInstances.Single("H2") with { DaysWaited = 5 };
        var request = TestInstances.Request([longer, shorter], [TestInstances.Unit("U1", beds: 1)]);

        var result = PlacementOptimizer.Solve(request);
        var why = WhyUnhoused.Of(request, result);

        Assert.Equal(["H2"], result.Unhoused);
        Assert.Equal(["H2"], why.Keys);
        Assert.Equal(
            "1 ledig bolig passer husstanden, men planen giver den til husstande, der vægter mere efter kommunens prioriteringer (fx længere ventetid).",
            why["H2"].ToString());
    }

    [Fact]
    public void NoFreeUnits_SaysSo()
    {
        var request = TestInstances.Request([TestInstances.Single("H1")], []);

        Assert.Equal("Der er ingen ledige boliger på planlægningsdatoen.", WhyUnhoused.Of(request, GreedyBaseline.Solve(request))["H1"].ToString());
    }

    [Fact]
    public void LocksThatCannotAllHold_SaySo_NotThatUnitsWentToOthers()
    {
        // Two locks on one whole unit: there is no plan, though a second unit fits each of them.
        var request = TestInstances.Request(
            [TestInstances.Single("H1"), TestInstances.Single("H2"), TestInstances.Single("H3")],
            [TestInstances.Unit("U1"), TestInstances.Unit("U2"), TestInstances.Unit("U3")],
            locks: [("H1", "U1"), ("H2", "U1")]);

        var result = PlacementOptimizer.Solve(request);
        var why = WhyUnhoused.Of(request, result);

        Assert.Equal(SolveStatus.Infeasible, result.Status);
        Assert.Equal(["H1", "H2", "H3"], why.Keys.Order());
        Assert.All(why.Values, reason => Assert.Equal(
            "De låste forslag kan ikke holdes samtidig, så ingen husstand har fået et forslag. Fjern en lås, og kør igen.", reason.ToString()));
    }
}
