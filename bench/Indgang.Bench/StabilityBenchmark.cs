using System.Globalization;
using Indgang.Placement;
using Indgang.Placement.Generation;

namespace Indgang.Bench;

/// <summary>
/// The stability target: one household added to an instance (the previous suggestions passed in, as the placement
/// page does on a re-run) should change at most 5 % of the other households' suggestions. Each case is solved twice
/// at its target time limit and the changed suggestions among the first run's households are counted.
/// </summary>
internal static class StabilityBenchmark
{
    public static void Run(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("stability (one household added, previous suggestions kept as a preference)");
        foreach (var (name, shape, seed, limit) in new[]
        {
            ("M 150×200×8", new InstanceShape(150, 200, 8), 3, TimeSpan.FromSeconds(1)),
            ("L 300×400×10", new InstanceShape(300, 400, 10), 4, TimeSpan.FromSeconds(2)),
        })
        {
            var generator = new SyntheticInstances(shape, seed);
            var request = generator.Request(limit);
            var first = PlacementOptimizer.Solve(request);
            var next = request with
            {
                Households = [.. request.Households, generator.Household("H-NY")],
                PreviousSuggestions = first.Assignment,
            };
            var second = PlacementOptimizer.Solve(next);
            var changed = request.Households.Count(h =>
                first.Assignment.GetValueOrDefault(h.Id) != second.Assignment.GetValueOrDefault(h.Id));
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  {name} at {limit.TotalSeconds:0} s: {changed} of {request.Households.Count} suggestions changed ({100.0 * changed / request.Households.Count:0.0} %), statuses {first.Status}/{second.Status}"));
        }
    }
}
