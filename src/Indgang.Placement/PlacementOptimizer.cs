using System.Diagnostics;
using Google.OrTools.LinearSolver;
using Indgang.Placement.Scoring;
using Indgang.Placement.Solving;

namespace Indgang.Placement;

/// <summary>
/// Finds the plan with the highest objective (<see cref="PlacementObjective"/>) within the time limit, and says how
/// far from the best possible it can be:
/// <list type="number">
/// <item>the greedy baseline's plan, improved by local search (a quarter of the time, at most 5 s);</item>
/// <item>a mixed-integer program over household types (<see cref="PlacementModel"/>) solved by SCIP through Google
/// OR-Tools, starting from that plan — proven optimal when it closes the gap;</item>
/// <item>meanwhile, on the second thread, a Lagrangian bound (<see cref="LagrangianBound"/>); when SCIP does not close
/// the gap, the lower of the two bounds is reported, so large instances get an honest gap even before SCIP has
/// solved its first LP.</item>
/// </list>
/// The result is never worse than the baseline. Hard constraints are pruned before modelling: the solver never sees
/// a pair that breaks one.
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

        var limit = request.TimeLimit;
        var start = LocalSearch.Improve(index, candidates, baseline.Assignment, Share(limit, 4, TimeSpan.FromSeconds(5)));
        var startObjective = PlacementObjective.Evaluate(request, start);
        var remaining = limit - clock.Elapsed;
        using var stop = new CancellationTokenSource();
        // The second of our two threads: the Lagrangian bound, while SCIP works on the first.
        var lagrangian = Task.Run(() => LagrangianBound.Compute(index, candidates, startObjective, remaining, stop.Token));
        var (plan, solverBound, proven) = SolveMip(index, candidates, start, remaining);
        if (proven)
        {
            stop.Cancel();
        }

        var lagrangianBound = lagrangian.GetAwaiter().GetResult();
        var objective = PlacementObjective.Evaluate(request, plan);
        var bound = proven ? solverBound : Min(solverBound, lagrangianBound);

        var status = proven || bound == objective ? SolveStatus.Optimal : SolveStatus.Feasible;
        return ResultFactory.Plan(index, plan, bound, status, clock.Elapsed);
    }

    /// <summary>SCIP's plan (or the start plan if SCIP found nothing better), its bound, and whether it is proven.</summary>
    private static (IReadOnlyDictionary<string, string> Plan, long? Bound, bool Proven) SolveMip(
        PlacementIndex index, CandidatePairs candidates, Dictionary<string, string> start, TimeSpan time)
    {
        using var solver = Solver.CreateSolver("SCIP")
            ?? throw new InvalidOperationException("OR-Tools was built without SCIP.");
        var model = new PlacementModel(solver, index, candidates);
        model.Hint(start);
        solver.SetNumThreads(Threads);
        // Wall-clock time: SCIP counts CPU time by default, which on a busy server overruns the coordinator's wait.
        solver.SetSolverSpecificParametersAsString("timing/clocktype = 2");
        solver.SetTimeLimit((long)Math.Max(10, time.TotalMilliseconds));
        using var parameters = new MPSolverParameters();
        // Objective values are whole points, so only a zero gap is a proof.
        parameters.SetDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 0);
        var status = solver.Solve(parameters);
        if (status is not (Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE))
        {
            return (start, null, false);
        }

        // SCIP reports ±1e20 while it has no bound yet.
        var rawBound = solver.Objective().BestBound();
        long? bound = Math.Abs(rawBound) < 1e15 ? (long)Math.Floor(rawBound + 1e-6) : null;

        var solved = model.Assignment();
        var better = PlacementObjective.Evaluate(index.Request, solved) >= PlacementObjective.Evaluate(index.Request, start);
        return (better ? solved : start, bound, status == Solver.ResultStatus.OPTIMAL && better);
    }

    private static TimeSpan Share(TimeSpan limit, int divisor, TimeSpan atMost) =>
        TimeSpan.FromTicks(Math.Min(limit.Ticks / divisor, atMost.Ticks));

    private static long? Min(long? a, long? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);
}
