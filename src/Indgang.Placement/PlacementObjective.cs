using Indgang.Placement.Scoring;

namespace Indgang.Placement;

/// <summary>
/// The one definition of a plan's worth, shared by the optimizer, the baseline and the explanations:
/// the sum of every suggestion's explanation points. Households not in the plan add nothing.
/// </summary>
public static class PlacementObjective
{
    public static long Evaluate(PlacementRequest r, IReadOnlyDictionary<string, string> assignment) =>
        Explain(r, assignment).Sum(suggestion => suggestion.Points);

    /// <summary>The plan as suggestions, each with its Danish reasons.</summary>
    public static IReadOnlyList<Suggestion> Explain(PlacementRequest r, IReadOnlyDictionary<string, string> assignment)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(assignment);
        return ObjectiveBreakdown.Explain(PlacementIndex.For(r), assignment);
    }
}
