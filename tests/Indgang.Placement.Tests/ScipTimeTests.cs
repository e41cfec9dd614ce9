using Google.OrTools.LinearSolver;
using Indgang.Placement.Solving;

namespace Indgang.Placement.Tests;

/// <summary>
/// A step's budget can run out between its own check and the solve on a busy machine (CI once crashed the
/// neighbourhood search with a timer of −24 ms): a spent or negative time still gives a short, ordinary run, not an exception.
/// </summary>
public sealed class ScipTimeTests
{
    [Theory]
    [InlineData(-24)]
    [InlineData(0)]
    [InlineData(5)]
    public void Solve_TimeSpentOrNegative_RunsBrieflyInsteadOfThrowing(int milliseconds)
    {
        using var solver = Scip.Create();
        var x = solver.MakeIntVar(0, 3, "x");
        solver.Maximize(x);

        var status = Scip.Solve(solver, TimeSpan.FromMilliseconds(milliseconds));

        // 10 ms solves this on an idle machine; on a loaded one the timer may stop SCIP first, which is an answer too.
        Assert.Contains(status, new[] { Solver.ResultStatus.OPTIMAL, Solver.ResultStatus.FEASIBLE, Solver.ResultStatus.NOT_SOLVED });
        if (status == Solver.ResultStatus.OPTIMAL)
        {
            Assert.Equal(3, x.SolutionValue());
        }
    }
}
