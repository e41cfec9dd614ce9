using System.Globalization;
using Indgang.Placement;
using Indgang.Placement.Generation;

namespace Indgang.Bench;

/// <summary>Runs the optimizer and the greedy baseline on every case and prints one table.</summary>
internal static class PlacementBenchmark
{
    public static int Run(IReadOnlyList<string> options)
    {
        var proofs = options.Contains("--proofs");
        var only = Option(options, "--only")?.Split(',');
        TimeSpan? limit = Option(options, "--limit") is { } seconds
            ? TimeSpan.FromSeconds(double.Parse(seconds, CultureInfo.InvariantCulture))
            : null;
        WarmUp();
        var loadBefore = Load();
        var table = new ResultTable();
        foreach (var benchCase in BenchCase.Standard(proofs))
        {
            if (only is not null && !only.Any(o => benchCase.Name.StartsWith(o, StringComparison.Ordinal)))
            {
                continue;
            }

            var request = benchCase.Request(limit);
            var optimized = PlacementOptimizer.Solve(request);
            var baseline = GreedyBaseline.Solve(request);
            table.Add(benchCase.Name, request, optimized, baseline);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"done {benchCase.Name} in {optimized.SolveTime.TotalSeconds:0.00} s"));
        }

        if (only is null || only.Contains("replay"))
        {
            foreach (var replay in ReplayBenchmark.Run())
            {
                table.AddReplay(replay);
            }
        }

        table.Print(Console.Out);
        if (only is null || only.Contains("stability"))
        {
            StabilityBenchmark.Run(Console.Out);
        }

        Console.WriteLine($"load average (1/5/15 min) before: {loadBefore}; after: {Load()}; cores: {Environment.ProcessorCount}");
        return 0;
    }

    /// <summary>
    /// One small solve before the clock counts: loading OR-Tools' native libraries and compiling the code once would
    /// otherwise be charged to the first instance, which a running server has long paid.
    /// </summary>
    private static void WarmUp()
    {
        var request = SyntheticInstances.Request(new InstanceShape(20, 30, 3), 99, TimeSpan.FromMilliseconds(300));
        PlacementOptimizer.Solve(request);
        GreedyBaseline.Solve(request);
    }

    private static string Load() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string? Option(IReadOnlyList<string> options, string name)
    {
        var at = options.ToList().IndexOf(name);
        return at >= 0 && at + 1 < options.Count ? options[at + 1] : null;
    }
}
