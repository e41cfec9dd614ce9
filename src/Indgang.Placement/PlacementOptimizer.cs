using System.Diagnostics;
using System.Globalization;
using Google.OrTools.Sat;
using Indgang.Placement.Scoring;
using Indgang.Placement.Solving;

namespace Indgang.Placement;

/// <summary>
/// Finds the plan with the highest objective (<see cref="PlacementObjective"/>) with Google OR-Tools CP-SAT: proven
/// optimal when the solver closes the gap within the time limit, otherwise the best plan found and the solver's
/// bound. The search starts from the greedy baseline's plan, so the result is never worse than the baseline.
/// </summary>
public static class PlacementOptimizer
{
    // Two workers at most: the servers are shared, and CP-SAT's first two workers already combine LP and search.
    private const int Workers = 2;

    public static PlacementResult Solve(PlacementRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var clock = Stopwatch.StartNew();
        var index = PlacementIndex.For(request);
        var baseline = GreedyBaseline.Solve(request);
        if (baseline.Status == SolveStatus.Infeasible)
        {
            return ResultFactory.Empty(index, SolveStatus.Infeasible, clock.Elapsed);
        }

        var candidates = new CandidatePairs(index);
        if (candidates.Pairs.Count == 0)
        {
            return ResultFactory.Plan(index, new Dictionary<string, string>(), 0, SolveStatus.Optimal, clock.Elapsed);
        }

        var model = new PlacementModel(index, candidates);
        model.Hint(baseline.Assignment);
        var solver = new CpSolver { StringParameters = Parameters(request.TimeLimit - clock.Elapsed) };
        var status = solver.Solve(model.Model);
        return status switch
        {
            CpSolverStatus.Optimal => ResultFactory.Plan(
                index, model.Assignment(solver), (long)Math.Round(solver.ObjectiveValue), SolveStatus.Optimal, clock.Elapsed),
            CpSolverStatus.Feasible => ResultFactory.Plan(
                index, model.Assignment(solver), (long)Math.Floor(solver.BestObjectiveBound), SolveStatus.Feasible, clock.Elapsed),
            CpSolverStatus.Infeasible => ResultFactory.Empty(index, SolveStatus.Infeasible, clock.Elapsed),
            _ => ResultFactory.Empty(index, SolveStatus.NoSolution, clock.Elapsed),
        };
    }

    private static string Parameters(TimeSpan remaining) => string.Create(
        CultureInfo.InvariantCulture,
        $"num_workers:{Workers} max_time_in_seconds:{Math.Max(0.05, remaining.TotalSeconds):0.###} random_seed:7");
}
