using System.Diagnostics;
using Google.OrTools.LinearSolver;
using Indgang.Placement.Scoring;
using Indgang.Placement.Solving;

namespace Indgang.Placement;

/// <summary>
/// Finds the plan with the highest objective (<see cref="PlacementObjective"/>) within the time limit, and says how
/// far from the best possible it can be:
/// <list type="number">
/// <item>on the second thread, the linear relaxation of the MIP (<see cref="LpRelaxation"/>, Glop): a bound that holds
/// exactly and is within a few points of the optimum on the benchmark, and a reduced cost per pair. If Glop cannot
/// solve it in the time, the Lagrangian bound (<see cref="LagrangianBound"/>) takes the rest of the time instead;</item>
/// <item>meanwhile the plan best on pair points and waiting alone (a min-cost flow), improved by local search, or the
/// greedy baseline's plan if that is better. The search stops for the next steps once it has had a quarter of the
/// time (at most 0.25–1 s by the instance's size, <see cref="PhaseCap"/>) and the relaxation is there, if that is
/// within half the time; otherwise it keeps the time;</item>
/// <item>SCIP over only the pairs the relaxation or the plan uses (<see cref="SupportSearch"/>, a quarter, at most
/// the same); then every pair whose reduced cost shows that no better plan can use it is left out of the MIP;</item>
/// <item>SCIP re-solving parts of the plan exactly (<see cref="NeighbourhoodSearch"/>, a quarter, at most the same),
/// then the mixed-integer program over household types (<see cref="PlacementModel"/>) on the pairs left, starting from the
/// plan — proven optimal when it closes the gap, which is a proof for the whole problem because only pairs no better
/// plan can use were left out. When the time is too short for SCIP's first LP, the parts or the local search keep it.</item>
/// </list>
/// The bound reported is SCIP's when it proves the plan, otherwise the lower of SCIP's and the relaxation's. The
/// result is never worse than the baseline. Hard constraints are pruned before modelling: the solver never sees a pair
/// that breaks one.
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
        // The second of our two threads: the LP relaxation, or if Glop cannot solve it in the time, the Lagrangian bound.
        // A thread of its own, not the pool's: it may compute for the whole time limit, and in a web server the pool's
        // few threads serve requests.
        var bounding = Task.Factory.StartNew(
            () => Bound(index, candidates, baseline.Assignment, () => Interlocked.Read(ref bestKnown), limit - clock.Elapsed - ResultReserve(limit), stop.Token),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        var pairOptimal = LagrangianBound.PairOptimalPlan(index, candidates);
        // The search's budget counts from now: on large instances the pair-optimal flow above takes a while. It
        // stops for what follows once it has had a quarter of the time (at most PhaseCap) and the relaxation is
        // there, if that is within half the time; otherwise it keeps all of it, in one run, as one run walks further.
        var half = limit / 2;
        var phaseCap = PhaseCap(candidates);
        var searchShare = Share(limit, 4, phaseCap);
        // A plan that scores the relaxation's bound is optimal: every step stops when it gets there.
        bool Optimal(long value) => bounding.IsCompleted && bounding.Result.Bound is { } bound && value >= bound;
        IReadOnlyDictionary<string, string> plan = LocalSearch.Improve(index, candidates, pairOptimal, limit - clock.Elapsed - ResultReserve(limit),
            best => (clock.Elapsed >= searchShare && clock.Elapsed < half && bounding.IsCompleted) || Optimal(best));
        var planValue = PlacementObjective.Evaluate(request, plan);
        if (planValue < baseline.Objective)
        {
            (plan, planValue) = (baseline.Assignment, baseline.Objective);
        }

        // A search that ran out of moves early waits for the relaxation while it is worth waiting for.
        // (The wait is read once: between a check and a second reading the clock may pass half, and a negative wait throws.)
        if (half - clock.Elapsed is { } wait && wait > TimeSpan.Zero && !bounding.IsCompleted)
        {
            bounding.Wait(wait);
        }

        var modelled = candidates;
        if (clock.Elapsed < half && bounding.IsCompleted && bounding.Result.Relaxation is { } relaxation && !Optimal(planValue))
        {
            (plan, planValue) = SupportSearch.Improve(index, candidates, relaxation, plan, planValue, Share(limit, 4, phaseCap));
            modelled = Prune(candidates, relaxation, plan, planValue);
        }

        Interlocked.Exchange(ref bestKnown, planValue);
        var mipFits = limit - clock.Elapsed > 2 * RootLpEstimate(modelled);
        var rest = limit - clock.Elapsed - ResultReserve(limit);
        if (Optimal(planValue))
        {
            // Nothing left to find or to prove (XL at 60 s: 1.6–2.0 s instead of 6.0 s, most of it SCIP re-proving).
            mipFits = false;
        }
        else if (mipFits)
        {
            // At most PhaseCap: longer found better plans on M but left SCIP less time to prove them (measured).
            (plan, planValue) = NeighbourhoodSearch.Improve(index, modelled, plan, planValue, Share(limit, 4, phaseCap), Optimal);
            mipFits = !Optimal(planValue);
        }
        else if (modelled != candidates && RootLpEstimate(modelled) < rest)
        {
            // No time for the MIP: parts of it, as pruning made it small enough for a part to be worth its set-up.
            (plan, planValue) = NeighbourhoodSearch.Improve(index, modelled, plan, planValue, rest, Optimal);
        }
        else
        {
            plan = LocalSearch.Improve(index, candidates, plan, rest, Optimal);
            planValue = PlacementObjective.Evaluate(request, plan);
        }

        Interlocked.Exchange(ref bestKnown, planValue);
        if (mipFits && bounding.IsCompleted && bounding.Result.Relaxation is { } tighter)
        {
            // A better plan leaves out more: only pairs a plan better than this one could use go to SCIP.
            modelled = Prune(candidates, tighter, plan, planValue);
        }

        var (solved, objective, solverBound, proven) = mipFits ? SolveMip(index, modelled, plan, planValue, clock, limit) : (plan, planValue, null, false);
        if (proven)
        {
            stop.Cancel();
        }

        var (_, relaxationBound) = bounding.GetAwaiter().GetResult();
        var bound = proven ? solverBound : Min(solverBound, relaxationBound);
        var status = proven || bound == objective ? SolveStatus.Optimal : SolveStatus.Feasible;
        return ResultFactory.Plan(index, solved, bound, status, clock.Elapsed);
    }

    /// <summary>
    /// The LP relaxation (its bound holds exactly, <see cref="LpRelaxation"/>), or when Glop cannot solve it in the
    /// time, the Lagrangian bound for the rest of it (half of that from the baseline's prices).
    /// </summary>
    private static (LpRelaxation? Relaxation, long? Bound) Bound(
        PlacementIndex index, CandidatePairs candidates, IReadOnlyDictionary<string, string> baseline, Func<long> bestKnown,
        TimeSpan time, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        if (LpRelaxation.Solve(index, candidates, time) is { } relaxation)
        {
            return (relaxation, relaxation.Bound);
        }

        return (null, LagrangianBound.Compute(index, candidates, bestKnown, time - clock.Elapsed, cancellation, guide: baseline));
    }

    /// <summary>
    /// The pairs worth giving SCIP: those a plan better than the incumbent could use (reduced-cost fixing against the
    /// LP relaxation), and those the incumbent uses.
    /// </summary>
    private static CandidatePairs Prune(
        CandidatePairs candidates, LpRelaxation relaxation, IReadOnlyDictionary<string, string> incumbent, long incumbentValue)
    {
        var cannotBeat = relaxation.PairsThatCannotBeat(incumbentValue);
        return candidates.Without(p => cannotBeat[p], keeping: incumbent);
    }

    /// <summary>
    /// SCIP's plan (or the start plan if SCIP found nothing better), its value, its bound, and whether it is proven.
    /// </summary>
    private static (IReadOnlyDictionary<string, string> Plan, long Value, long? Bound, bool Proven) SolveMip(
        PlacementIndex index, CandidatePairs candidates, IReadOnlyDictionary<string, string> start, long startValue, Stopwatch clock, TimeSpan limit)
    {
        var time = limit - clock.Elapsed - ResultReserve(limit);
        if (time <= TimeSpan.Zero)
        {
            return (start, startValue, null, false);
        }

        var (status, solved, bound) = PlacementModel.SolveFrom(index, candidates, start, time);
        if (solved is null)
        {
            return (start, startValue, null, false);
        }

        var solvedValue = PlacementObjective.Evaluate(index.Request, solved);
        return solvedValue >= startValue
            ? (solved, solvedValue, bound, status == Solver.ResultStatus.OPTIMAL)
            : (start, startValue, bound, false);
    }

    /// <summary>
    /// Roughly how long SCIP needs for its first LP (measured: about 0.1 s per thousand type-unit pairs on a busy
    /// two-core server). When the time limit cannot cover twice that, SCIP would only burn the time, so the local
    /// search gets it instead and the Lagrangian bound states the gap.
    /// </summary>
    private static TimeSpan RootLpEstimate(CandidatePairs candidates) => TimeSpan.FromSeconds(candidates.Pairs.Count / 10_000.0);

    /// <summary>
    /// The most each step before the MIP (local search, support search, neighbourhood search) gets: 50 µs per
    /// type-unit pair, between a quarter of a second and a second (S and M 0.25 s, L 0.75 s, XL 1 s). Those steps
    /// exist to hand SCIP a good plan; beyond what the instance needs, their time is the proof's. Measured against a
    /// flat second (eight M seeds, 5 s limit): seven proven in 20.2 s together instead of six in 28.6 s; at 2 s the
    /// gaps summed 98 points instead of 659; five L seeds at 5 s ended 0–29 points from the bound instead of 0–63.
    /// A flat quarter second was as good on M but left L's local search too short (853 points from the bound).
    /// </summary>
    private static TimeSpan PhaseCap(CandidatePairs candidates) =>
        TimeSpan.FromSeconds(Math.Clamp(candidates.Pairs.Count * 50e-6, 0.25, 1));

    private static TimeSpan Share(TimeSpan limit, int divisor, TimeSpan atMost) =>
        TimeSpan.FromTicks(Math.Min(limit.Ticks / divisor, atMost.Ticks));

    private static long? Min(long? a, long? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);
}
