using Google.OrTools.LinearSolver;

namespace Indgang.Placement.Solving;

/// <summary>Solves with a time limit that holds even where SCIP does not look at its clock.</summary>
internal static class SolverDeadline
{
    /// <summary>
    /// SCIP checks its time limit only between phases; on large instances presolve alone runs past it, so a timer
    /// interrupts it. The lock keeps the timer from touching the solver once Solve has returned.
    /// </summary>
    public static Solver.ResultStatus Solve(Solver solver, MPSolverParameters parameters, TimeSpan time)
    {
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
