using Indgang.Placement.Solving;

namespace Indgang.Placement.Tests;

public class LocalSearchTests
{
    [Fact]
    public void Improve_AsksItsStopWithTheBestScoreSoFar()
    {
        var (request, index, start, startValue) = TestInstances.BenchmarkSFromBaseline();
        var best = long.MinValue;

        // Stop as soon as the search has anything better than the baseline: the optimizer stops it this way once its
        // plan reaches the LP bound.
        var plan = LocalSearch.Improve(index, new CandidatePairs(index), start, TimeSpan.FromSeconds(10), stop: score =>
        {
            best = Math.Max(best, score);
            return score > startValue;
        });

        var value = PlacementObjective.Evaluate(request, plan);
        Assert.True(value > startValue, "the first descent from the baseline found nothing better on S");
        // What the stop was shown is the plan handed back: the search stopped on the score it reported.
        Assert.Equal(value, best);
        Assert.Empty(HardConstraints.Violations(request, plan));
    }
}
