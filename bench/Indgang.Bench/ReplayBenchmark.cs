namespace Indgang.Bench;

internal sealed record ReplayOutcome(
    string Name, double OptimizerSeconds, long OptimizerValue, long BaselineValue, long HindsightValue, double HindsightGap,
    int OptimizerViolations, int BaselineViolations, int OptimizerHoused, int BaselineHoused);

internal static class ReplayBenchmark
{
    public static IReadOnlyList<ReplayOutcome> Run() => [];
}
