using System.Diagnostics;
using Google.OrTools.LinearSolver;
using Indgang.Placement.Scoring;
using Indgang.Placement.Solving;

namespace Indgang.Placement;

/// <summary>
/// Finds the plan with the highest objective (<see cref="PlacementObjective"/>) within the time limit, and says how
/// far from the best possible it can be:
/// <list type="number">
/// <item>the plan best on pair points and waiting alone (a min-cost flow), improved by local search (a quarter of the
/// time, at most 5 s), then by SCIP re-solving parts of it exactly (<see cref="NeighbourhoodSearch"/>, a quarter,
/// at most 1 s, when the MIP fits the limit), or the greedy baseline's plan if that is better;</item>
/// <item>a mixed-integer program over household types (<see cref="PlacementModel"/>) solved by SCIP through Google
/// OR-Tools, starting from that plan — proven optimal when it closes the gap. When the time limit is too short for
/// SCIP's first LP on an instance this large, the local search keeps the time instead;</item>
/// <item>all along, on the second thread, a Lagrangian bound (<see cref="LagrangianBound"/>, half its time from
/// prices read off the baseline's plan); when SCIP does not close the gap, the lower of the two bounds is
/// reported, so large instances get an honest gap.</item>
/// </list>
/// The result is never worse than the baseline. Hard constraints are pruned before modelling: the solver never sees
/// a pair that breaks one.
/// </summary>
public static class PlacementOptimizer
{
    // Kept back from the solver for turning its answer into explained suggestions: 50 ms, or 1 % of a long limit,
    // because SCIP only notices an interrupt between phases (XL with 60 s ran 0.6 s over with 50 ms).
    private static TimeSpan ResultReserve(TimeSpan limit) =>
        TimeSpan.FromTicks(Math.Max(TimeSpan.FromMilliseconds(50).Ticks, limit.Ticks / 100));

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
        var bestKnown = baseline.Objective;
        using var stop = new CancellationTokenSource();
        // The second of our two threads: the Lagrangian bound, for the whole time, while this one searches and solves.
        var lagrangian = Task.Run(() => LagrangianBound.Compute(
            index, candidates, () => Interlocked.Read(ref bestKnown), limit - clock.Elapsed - ResultReserve(limit), stop.Token,
            guide: baseline.Assignment));
        var mipFits = limit - clock.Elapsed > 2 * RootLpEstimate(candidates);
        var pairOptimal = LagrangianBound.PairOptimalPlan(index, candidates);
        // The search's budget counts from now: on large instances the pair-optimal flow above takes a while.
        var searchTime = mipFits ? Share(limit, 4, TimeSpan.FromSeconds(5)) : limit - clock.Elapsed - ResultReserve(limit);
        IReadOnlyDictionary<string, string> searched = LocalSearch.Improve(index, candidates, pairOptimal, searchTime);
        if (mipFits)
        {
            // At most a second: longer found better plans on M but left SCIP less time to prove them (measured).
            searched = NeighbourhoodSearch.Improve(index, candidates, searched, Share(limit, 4, TimeSpan.FromSeconds(1)));
        }

        var searchedObjective = PlacementObjective.Evaluate(request, searched);
        var start = searchedObjective >= baseline.Objective ? searched : baseline.Assignment;
        Interlocked.Exchange(ref bestKnown, Math.Max(searchedObjective, baseline.Objective));
        var (plan, solverBound, proven) = mipFits ? SolveMip(index, candidates, start, clock, limit) : (start, null, false);
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
        PlacementIndex index, CandidatePairs candidates, IReadOnlyDictionary<string, string> start, Stopwatch clock, TimeSpan limit)
    {
        using var solver = Scip.Create();
        var model = new PlacementModel(solver, index, candidates);
        model.Hint(start);
        var time = limit - clock.Elapsed - ResultReserve(limit);
        if (time <= TimeSpan.Zero)
        {
            return (start, null, false);
        }

        var status = Scip.Solve(solver, time);
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

    /// <summary>
    /// Roughly how long SCIP needs for its first LP (measured: about 0.1 s per thousand type-unit pairs on a busy
    /// two-core server). When the time limit cannot cover twice that, SCIP would only burn the time, so the local
    /// search gets it instead and the Lagrangian bound states the gap.
    /// </summary>
    private static TimeSpan RootLpEstimate(CandidatePairs candidates) => TimeSpan.FromSeconds(candidates.Pairs.Count / 10_000.0);

    private static TimeSpan Share(TimeSpan limit, int divisor, TimeSpan atMost) =>
        TimeSpan.FromTicks(Math.Min(limit.Ticks / divisor, atMost.Ticks));

    private static long? Min(long? a, long? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);
}
