using Google.OrTools.LinearSolver;
using Indgang.Placement.Scoring;

namespace Indgang.Placement.Solving;

/// <summary>
/// The MIP's linear relaxation (<see cref="PlacementModel"/> with integrality dropped), solved by Glop. Its optimum is
/// within a few points of the best plan on the benchmark (M 237,972 against 237,962; XL exact) and Glop finds it in a
/// fraction of SCIP's time for its first LP. Two uses:
/// <list type="bullet">
/// <item>a bound: no plan scores more. It is not read off Glop's objective value, which carries Glop's tolerances,
/// but recomputed from its duals y in decimal arithmetic: for any y, every plan scores at most
/// Σ_rows max(y·lower, y·upper) + Σ_vars max(d·lower, d·upper) with d = c − Aᵀy (weak duality over the bounds), so
/// the bound holds exactly whatever Glop's rounding;</item>
/// <item>reduced-cost fixing: a plan that uses a pair whose d is negative scores at most bound + d, so when that is
/// below the best plan known plus one point, the pair can be left out of the MIP without losing any better plan.</item>
/// </list>
/// </summary>
internal sealed class LpRelaxation
{
    private readonly decimal bound;
    private readonly decimal[] pairReducedCosts;

    private LpRelaxation(decimal bound, decimal[] pairReducedCosts, double[] pairValues)
    {
        this.bound = bound;
        this.pairReducedCosts = pairReducedCosts;
        PairValues = pairValues;
    }

    /// <summary>The LP's value of each pair's variable (how many of its type in its unit, possibly fractional).</summary>
    public IReadOnlyList<double> PairValues { get; }

    /// <summary>No plan scores more than this (objective values are whole points).</summary>
    public long Bound => (long)decimal.Floor(bound);

    /// <summary>The relaxation solved within the time, or null if Glop did not reach its optimum.</summary>
    public static LpRelaxation? Solve(PlacementIndex index, CandidatePairs candidates, TimeSpan time)
    {
        if (time <= TimeSpan.Zero || candidates.Pairs.Count == 0)
        {
            return null;
        }

        using var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("OR-Tools was built without Glop.");
        var model = new PlacementModel(solver, index, candidates);
        solver.SetTimeLimit((long)Math.Max(1, time.TotalMilliseconds));
        if (solver.Solve() != Solver.ResultStatus.OPTIMAL)
        {
            return null;
        }

        return FromDuals(model);
    }

    /// <summary>
    /// The pairs no plan scoring more than <paramref name="incumbent"/> can use: those whose reduced cost takes the
    /// bound below incumbent + 1.
    /// </summary>
    public bool[] PairsThatCannotBeat(long incumbent) =>
        [.. pairReducedCosts.Select(d => d < 0 && bound + d < incumbent + 1)];

    private static LpRelaxation? FromDuals(PlacementModel model)
    {
        var objective = model.Solver.Objective();
        var reducedCost = new Dictionary<Variable, decimal>(ReferenceEqualityComparer.Instance);
        foreach (var variable in model.Variables)
        {
            reducedCost[variable] = (decimal)objective.GetCoefficient(variable);
        }

        var total = (decimal)objective.Offset();
        foreach (var row in model.Rows)
        {
            var y = Dual(row);
            if (y == 0)
            {
                continue;
            }

            total += y > 0 ? y * (decimal)row.Upper : y * (decimal)row.Lower;
            foreach (var (variable, coefficient) in row.Terms)
            {
                reducedCost[variable] -= y * (decimal)coefficient;
            }
        }

        foreach (var variable in model.Variables)
        {
            var d = reducedCost[variable];
            var (lower, upper) = (variable.Lb(), variable.Ub());
            if ((d > 0 && double.IsPositiveInfinity(upper)) || (d < 0 && double.IsNegativeInfinity(lower)))
            {
                // Every variable of the model is bounded; should one ever not be, these duals bound nothing.
                return null;
            }

            total += d == 0 ? 0 : d > 0 ? d * (decimal)upper : d * (decimal)lower;
        }

        return new LpRelaxation(total, [.. model.Placed.Select(v => reducedCost[v])], [.. model.Placed.Select(v => v.SolutionValue())]);
    }

    /// <summary>
    /// The row's dual, rounded to what a decimal holds, and zero where it would multiply an infinite side: any y gives
    /// a valid bound, a good one only near the LP's.
    /// </summary>
    private static decimal Dual(ModelRow row)
    {
        var y = row.Constraint.DualValue();
        if (double.IsNaN(y) || (y > 0 && double.IsPositiveInfinity(row.Upper)) || (y < 0 && double.IsNegativeInfinity(row.Lower)))
        {
            return 0;
        }

        return (decimal)y;
    }
}
