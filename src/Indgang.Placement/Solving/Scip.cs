using Google.OrTools.LinearSolver;

namespace Indgang.Placement.Solving;

/// <summary>How every SCIP run here is set up and held to its time: the MIP's and each neighbourhood part's.</summary>
internal static class Scip
{
    private static readonly TimeSpan ShortestRun = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// One thread: SCIP's concurrent mode races whole solvers, which on a shared two-core server only slows both.
    /// Wall-clock time: SCIP counts CPU time by default, which on a busy server overruns the coordinator's wait.
    /// No cutting-plane rounds at the root: the LP is within a few points of the optimum once shared rooms are
    /// modelled tightly, and the rounds only delayed the heuristics that find the plans (benchmark, 60 s: M proven in
    /// 3.7 s instead of 6.7 s, L 28 s instead of 33 s, S 1.4 s instead of 2.0 s).
    /// No restarts after root fixings: on S the restart re-presolved and re-solved the root for nothing (proof from the
    /// optimal plan 0.31 s instead of 0.57 s; eight S seeds proven in 11.7 s together instead of 13.1 s; M unchanged).
    /// </summary>
    public static Solver Create()
    {
        var solver = Solver.CreateSolver("SCIP") ?? throw new InvalidOperationException("OR-Tools was built without SCIP.");
        solver.SetNumThreads(1);
        solver.SetSolverSpecificParametersAsString("timing/clocktype = 2\nseparating/maxroundsroot = 0\npresolving/maxrestarts = 0");
        return solver;
    }

    /// <summary>
    /// Solves to a zero gap (objective values are whole points, so only that is a proof) or until the time is up.
    /// SCIP checks its time limit only between phases; on large instances presolve alone runs past it, so a timer
    /// interrupts it as well. The lock keeps the timer from touching the solver once Solve has returned.
    /// </summary>
    /// <remarks>
    /// A caller's budget can run out between its own check and this call (building the model took the rest on a busy
    /// machine): a time at or below zero gets the shortest run, 10 ms, never a negative timer.
    /// </remarks>
    public static Solver.ResultStatus Solve(Solver solver, TimeSpan time)
    {
        ArgumentNullException.ThrowIfNull(solver);
        if (time < ShortestRun)
        {
            time = ShortestRun;
        }

        solver.SetTimeLimit((long)time.TotalMilliseconds);
        using var parameters = new MPSolverParameters();
        parameters.SetDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 0);
        var gate = new object();
        var solving = true;
        using var deadline = new Timer(
            _ =>
            {
                lock (gate)
                {
                    if (solving)
                    {
                        solver.InterruptSolve();
                    }
                }
            },
            null,
            time,
            Timeout.InfiniteTimeSpan);
        var status = solver.Solve(parameters);
        lock (gate)
        {
            solving = false;
        }

        return status;
    }
}
