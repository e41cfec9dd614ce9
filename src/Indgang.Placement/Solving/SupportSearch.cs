using Indgang.Placement.Scoring;

namespace Indgang.Placement.Solving;

/// <summary>
/// SCIP over only the pairs the LP relaxation or the plan uses (relaxation-induced neighbourhood): the LP is within a
/// few points of the best plan, so the best plan mostly lives where the LP does, and that model is a few hundred pairs
/// where the whole one has thousands. Keeps the plan when SCIP finds nothing better.
/// </summary>
internal static class SupportSearch
{
    /// <summary>The better of the plan (worth <paramref name="planValue"/>) and what SCIP finds, with its value.</summary>
    public static (IReadOnlyDictionary<string, string> Plan, long Value) Improve(
        PlacementIndex index, CandidatePairs candidates, LpRelaxation relaxation, IReadOnlyDictionary<string, string> plan, long planValue,
        TimeSpan budget)
    {
        var support = candidates.Without(p => relaxation.PairValues[p] < 1e-6, keeping: plan);
        var found = PlacementModel.SolveFrom(index, support, plan, budget).Plan;
        var foundValue = found is null ? long.MinValue : PlacementObjective.Evaluate(index.Request, found);
        return foundValue > planValue ? (found!, foundValue) : (plan, planValue);
    }
}
