using System.Globalization;
using Indgang.Placement;

namespace Indgang.Bench;

/// <summary>Runs the optimizer and the greedy baseline on every case and prints one table.</summary>
internal static class PlacementBenchmark
{
    public static int Run(IReadOnlyList<string> options)
    {
        var xlProof = options.Contains("--xl-proof");
        var only = Option(options, "--only")?.Split(',');
        TimeSpan? limit = Option(options, "--limit") is { } seconds
            ? TimeSpan.FromSeconds(double.Parse(seconds, CultureInfo.InvariantCulture))
            : null;
        var loadBefore = Load();
        var table = new ResultTable();
        foreach (var benchCase in BenchCase.Standard(xlProof))
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
        Console.WriteLine($"load average (1/5/15 min) before: {loadBefore}; after: {Load()}; cores: {Environment.ProcessorCount}");
        return 0;
    }

    private static string Load() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string? Option(IReadOnlyList<string> options, string name)
    {
        var at = options.ToList().IndexOf(name);
        return at >= 0 && at + 1 < options.Count ? options[at + 1] : null;
    }
}
