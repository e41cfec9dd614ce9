using System.Diagnostics;
using Indgang.Placement;
using Indgang.Placement.Generation;

namespace Indgang.Bench;

internal sealed record ReplayOutcome(
    string Name, double OptimizerSeconds, long OptimizerValue, long BaselineValue, long HindsightValue, double HindsightGap,
    int OptimizerViolations, int BaselineViolations, int OptimizerHoused, int BaselineHoused, int HindsightHoused,
    double OptimizerWeeksWaited, double BaselineWeeksWaited);

/// <summary>
/// A year week by week: households arrive and units free up every week; each week the optimizer (or the baseline)
/// places whoever is waiting in whatever is free, and those placements stand. The year's placements are then scored
/// as one plan for all the year's households and units, against the hindsight optimum: the best such plan had all
/// 52 weeks been known in advance (waiting days as at arrival in both, so the score compares matching, not delay).
/// With a notice (domain-rules: visitation comes 1–2 months before day 0, "the municipality's notice to find
/// housing"), the weekly run also plans for households announced to arrive within the notice, as the placement page
/// lists registered arrivals, and sees the units that free up within it, each offered only to households arriving
/// after it is free; only the suggestions of households that have arrived are accepted, the rest are planned again
/// next week. The baseline places in arrival order, so announced households never change its choices.
/// </summary>
internal static class ReplayBenchmark
{
    private const int Weeks = 52;

    // The short end of domain-rules' 1–2 months from visitation to day 0.
    private const int NoticeWeeks = 4;

    public static IReadOnlyList<ReplayOutcome> Run() =>
    [
        .. Replay("Replay 52 weeks", seed: 11, new InstanceShape(0, 0, 8)),
        .. Replay("Replay 52 weeks, tight beds", seed: 12, new InstanceShape(0, 0, 8, TightBeds: true)),
    ];

    /// <summary>The year replayed without notice and with the 4-week notice, both against one hindsight optimum.</summary>
    private static IEnumerable<ReplayOutcome> Replay(string name, int seed, InstanceShape shape)
    {
        var year = ReplayYear.Generate(shape, seed, Weeks);
        var whole = year.WholeYear(TimeSpan.FromSeconds(60));
        var hindsight = PlacementOptimizer.Solve(whole);
        foreach (var notice in new[] { 0, NoticeWeeks })
        {
            var (optimized, optimizedWeeks, optimizerSeconds) = Simulate(year, PlacementOptimizer.Solve, notice);
            var (baseline, baselineWeeks, _) = Simulate(year, GreedyBaseline.Solve, notice);
            yield return new ReplayOutcome(
                notice == 0 ? name : $"{name}, {notice}-week notice",
                optimizerSeconds,
                PlacementObjective.Evaluate(whole, optimized),
                PlacementObjective.Evaluate(whole, baseline),
                hindsight.Objective,
                hindsight.Gap,
                HardConstraints.Violations(whole, optimized).Count,
                HardConstraints.Violations(whole, baseline).Count,
                optimized.Count,
                baseline.Count,
                hindsight.Suggestions.Count,
                year.AverageWeeksWaited(optimizedWeeks),
                year.AverageWeeksWaited(baselineWeeks));
        }
    }

    private static (Dictionary<string, string> Plan, Dictionary<string, int> Weeks, double Seconds) Simulate(
        ReplayYear year, Func<PlacementRequest, PlacementResult> solve, int noticeWeeks)
    {
        var plan = new Dictionary<string, string>(StringComparer.Ordinal);
        var weeks = new Dictionary<string, int>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        for (var week = 0; week < Weeks; week++)
        {
            var request = year.Week(week, plan, TimeSpan.FromSeconds(1), noticeWeeks);
            foreach (var suggestion in solve(request).Suggestions.Where(s => year.HasArrived(s.HouseholdId, week)))
            {
                plan[suggestion.HouseholdId] = suggestion.UnitId;
                weeks[suggestion.HouseholdId] = week;
            }
        }

        return (plan, weeks, clock.Elapsed.TotalSeconds);
    }
}
