using System.Diagnostics;
using Google.OrTools.LinearSolver;
using Indgang.Placement.Scoring;
using Indgang.Placement.Solving;

namespace Indgang.Placement;

/// <summary>
/// Finds the plan with the highest objective (<see cref="PlacementObjective"/>) as a mixed-integer program solved by
/// SCIP through Google OR-Tools: proven optimal when the solver closes the gap within the time limit, otherwise the
/// best plan found and the solver's bound. The search starts from the greedy baseline's plan, and that plan is
/// returned if the solver finds nothing better in time, so the result is never worse than the baseline.
/// </summary>
public static class PlacementOptimizer
{
    // One thread: SCIP's concurrent mode races whole solvers, which on a shared two-core server only slows both.
    private const int Threads = 1;

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

        var start = LocalSearch.Improve(index, candidates, baseline.Assignment, LocalSearchBudget(request.TimeLimit));
        using var solver = Solver.CreateSolver("SCIP")
            ?? throw new InvalidOperationException("OR-Tools was built without SCIP.");
        var model = new PlacementModel(solver, index, candidates);
        model.Hint(start);
        solver.SetNumThreads(Threads);
        solver.SetTimeLimit((long)Math.Max(10, (request.TimeLimit - clock.Elapsed).TotalMilliseconds));
        using var parameters = new MPSolverParameters();
        // Objective values are whole points, so only a zero gap is a proof.
        parameters.SetDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 0);
        if (Environment.GetEnvironmentVariable("INDGANG_LOG") == "1")
        {
            solver.EnableOutput();
        }

        var status = solver.Solve(parameters);
        // SCIP reports ±1e20 while it has no bound yet.
        var rawBound = solver.Objective().BestBound();
        long? bound = Math.Abs(rawBound) < 1e15 ? (long)Math.Floor(rawBound + 1e-6) : null;
        return status switch
        {
            Solver.ResultStatus.OPTIMAL => Best(index, model.Assignment(), start, bound, SolveStatus.Optimal, clock),
            Solver.ResultStatus.FEASIBLE => Best(index, model.Assignment(), start, bound, SolveStatus.Feasible, clock),
            Solver.ResultStatus.INFEASIBLE => ResultFactory.Empty(index, SolveStatus.Infeasible, clock.Elapsed),
            _ => Best(index, start, start, bound, SolveStatus.Feasible, clock),
        };
    }

    /// <summary>A quarter of the time, at most five seconds: enough to converge on anything up to XL.</summary>
    private static TimeSpan LocalSearchBudget(TimeSpan limit) => TimeSpan.FromTicks(Math.Min(limit.Ticks / 4, TimeSpan.FromSeconds(5).Ticks));

    /// <summary>The solver's plan, or the local search's when the solver returned a worse one within the time.</summary>
    private static PlacementResult Best(
        PlacementIndex index, IReadOnlyDictionary<string, string> solved, IReadOnlyDictionary<string, string> start, long? bound,
        SolveStatus status, Stopwatch clock)
    {
        var plan = ResultFactory.Plan(index, solved, bound, status, clock.Elapsed);
        var fallback = ResultFactory.Plan(index, start, bound, SolveStatus.Feasible, clock.Elapsed);
        return plan.Objective >= fallback.Objective ? plan : fallback;
    }
}
