using Indgang.Placement.Scoring;

namespace Indgang.Placement.Solving;

internal static class ResultFactory
{
    public static PlacementResult Plan(
        PlacementIndex index, IReadOnlyDictionary<string, string> assignment, long? bound, SolveStatus status, TimeSpan solveTime)
    {
        var suggestions = ObjectiveBreakdown.Explain(index, assignment);
        var objective = suggestions.Sum(s => s.Points);
        var unhoused = index.Request.Households.Where(h => !assignment.ContainsKey(h.Id)).Select(h => h.Id).ToList();
        var gap = bound is { } b ? Math.Max(0, b - objective) / (double)Math.Max(1, Math.Abs(b)) : double.NaN;
        return new PlacementResult(suggestions, objective, bound ?? objective, gap, status, solveTime, unhoused);
    }

    public static PlacementResult Empty(PlacementIndex index, SolveStatus status, TimeSpan solveTime) =>
        new([], 0, 0, double.NaN, status, solveTime, [.. index.Request.Households.Select(h => h.Id)]);
}
