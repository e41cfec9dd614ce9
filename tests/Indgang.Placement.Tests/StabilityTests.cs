using Indgang.Placement.Generation;

namespace Indgang.Placement.Tests;

public class StabilityTests
{
    [Fact]
    public void Solve_OneHouseholdAddedToMediumInstance_ChangesAtMostFivePercentOfTheOtherSuggestions()
    {
        var shape = new InstanceShape(Households: 80, Units: 100, Districts: 6);
        var generator = new SyntheticInstances(shape, seed: 42);
        var request = generator.Request(TimeSpan.FromSeconds(30));
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
