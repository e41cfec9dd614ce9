using System.Globalization;
using Indgang.Placement;

namespace Indgang.Bench;

/// <summary>The benchmark's one table, in fixed-width columns (invariant culture: it is a file, not UI).</summary>
internal sealed class ResultTable
{
    private static readonly string[] Header =
    [
        "instance", "time s", "status", "objective", "bound", "gap %", "baseline", "improv %", "viol o/b",
        "housed o/b", "fam≤1km school o/b", "alone lang o/b", "max dev pp o/b", "replay % hindsight o/b",
    ];

    private readonly List<string[]> rows = [];

    public void Add(string name, PlacementRequest request, PlacementResult optimized, PlacementResult baseline)
    {
        var o = PlacementMetrics.Of(request, optimized.Assignment);
        var b = PlacementMetrics.Of(request, baseline.Assignment);
        rows.Add(
        [
            name,
            Format($"{optimized.SolveTime.TotalSeconds:0.00}"),
            optimized.Status.ToString(),
            Format($"{optimized.Objective}"),
            Format($"{optimized.Bound}"),
            Format($"{100 * optimized.Gap:0.000}"),
            Format($"{baseline.Objective}"),
            Format($"{Improvement(optimized.Objective, baseline.Objective):0.0}"),
            Format($"{o.HardConstraintViolations}/{b.HardConstraintViolations}"),
            Format($"{o.HouseholdsHoused}/{b.HouseholdsHoused}"),
            Format($"{o.FamiliesWithinOneKmOfSchool}/{b.FamiliesWithinOneKmOfSchool} of {o.FamiliesWithChildrenHoused}/{b.FamiliesWithChildrenHoused}"),
            Format($"{o.HouseholdsAloneWithLanguage}/{b.HouseholdsAloneWithLanguage}"),
            Format($"{o.LargestDistrictDeviationPoints:0.0}/{b.LargestDistrictDeviationPoints:0.0}"),
            "",
        ]);
    }

    public void AddReplay(ReplayOutcome replay) => rows.Add(
    [
        replay.Name,
        Format($"{replay.OptimizerSeconds:0.00}"),
        "52 weeks",
        Format($"{replay.OptimizerValue}"),
        Format($"{replay.HindsightValue}"),
        Format($"{100 * replay.HindsightGap:0.000}"),
        Format($"{replay.BaselineValue}"),
        Format($"{Improvement(replay.OptimizerValue, replay.BaselineValue):0.0}"),
        Format($"{replay.OptimizerViolations}/{replay.BaselineViolations}"),
        Format($"{replay.OptimizerHoused}/{replay.BaselineHoused} of {replay.HindsightHoused}"),
        "",
        "",
        Format($"wait {replay.OptimizerWeeksWaited:0.0}/{replay.BaselineWeeksWaited:0.0} wk"),
        Format($"{100.0 * replay.OptimizerValue / replay.HindsightValue:0.00}/{100.0 * replay.BaselineValue / replay.HindsightValue:0.00}"),
    ]);

    public void Print(TextWriter output) => FixedWidthTable.Print(output, Header, rows, textColumns: 1);

    private static double Improvement(long optimized, long baseline) =>
        baseline == 0 ? 0 : 100.0 * (optimized - baseline) / Math.Abs(baseline);

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
