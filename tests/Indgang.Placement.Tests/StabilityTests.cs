using Indgang.Placement.Generation;

namespace Indgang.Placement.Tests;

public class StabilityTests
{
    [Fact]
    public void Solve_OneHouseholdAddedToMediumInstance_ChangesAtMostFivePercentOfTheOtherSuggestions()
    {
        // A generous limit: the claim holds for proven optima, and a busy CI machine must still reach one.
        var shape = new InstanceShape(Households: 80, Units: 100, Districts: 6);
        var generator = new SyntheticInstances(shape, seed: 42);
        var request = generator.Request(TimeSpan.FromSeconds(60));
        var first = PlacementOptimizer.Solve(request);

        var next = request with
        {
            Households = [.. request.Households, generator.Household("H-NY")],
            PreviousSuggestions = first.Assignment,
        };
        var second = PlacementOptimizer.Solve(next);

        var before = first.Assignment;
        var after = second.Assignment;
        var changed = request.Households.Count(h => before.GetValueOrDefault(h.Id) != after.GetValueOrDefault(h.Id));
        Assert.Equal(SolveStatus.Optimal, second.Status);
        Assert.True(changed <= 0.05 * request.Households.Count, $"{changed} of {request.Households.Count} suggestions changed");
    }
}
