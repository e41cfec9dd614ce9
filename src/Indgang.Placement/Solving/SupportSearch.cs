using Google.OrTools.LinearSolver;
using Indgang.Placement.Scoring;

namespace Indgang.Placement.Solving;

/// <summary>
/// SCIP over only the pairs the LP relaxation or the plan uses (relaxation-induced neighbourhood): the LP is within a
/// few points of the best plan, so the best plan mostly lives where the LP does, and that model is a few hundred pairs
/// where the whole one has thousands. Keeps the plan when SCIP finds nothing better.
/// </summary>
internal static class SupportSearch
{
    public static IReadOnlyDictionary<string, string> Improve(
        PlacementIndex index, CandidatePairs candidates, LpRelaxation relaxation, IReadOnlyDictionary<string, string> plan, TimeSpan budget)
    {
        var used = candidates.Counts(plan);
        var outside = Enumerable.Range(0, candidates.Pairs.Count).Select(p => used[p] == 0 && relaxation.PairValues[p] < 1e-6).ToArray();
        var support = candidates.Without(outside);
        using var solver = Scip.Create();
        var model = new PlacementModel(solver, index, support);
        model.Hint(plan);
        var status = Scip.Solve(solver, budget);
        if (status is not (Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE))
        {
            return plan;
        }

        var found = model.Assignment();
        return PlacementObjective.Evaluate(index.Request, found) > PlacementObjective.Evaluate(index.Request, plan) ? found : plan;
    }
}
