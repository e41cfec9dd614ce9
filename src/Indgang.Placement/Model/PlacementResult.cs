namespace Indgang.Placement;

/// <summary>
/// The plan. <see cref="Bound"/> is the solver's proof that no plan scores more; <see cref="Gap"/> is
/// (bound − objective) / |bound|, 0 when optimal and NaN when there is no bound (the greedy baseline).
/// </summary>
public sealed record PlacementResult(
    IReadOnlyList<Suggestion> Suggestions,
    long Objective,
    long Bound,
    double Gap,
    SolveStatus Status,
    TimeSpan SolveTime,
    IReadOnlyList<string> Unhoused)
{
    public IReadOnlyDictionary<string, string> Assignment =>
        Suggestions.ToDictionary(suggestion => suggestion.HouseholdId, suggestion => suggestion.UnitId, StringComparer.Ordinal);
}
