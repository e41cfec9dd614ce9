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
            total += Largest(y, row.Lower, row.Upper) ?? 0;
            foreach (var (variable, coefficient) in row.Terms)
            {
                reducedCost[variable] -= y * (decimal)coefficient;
            }
        }

        foreach (var variable in model.Variables)
        {
            // Every variable of the model is bounded; should one ever not be, these duals bound nothing.
            if (Largest(reducedCost[variable], variable.Lb(), variable.Ub()) is not { } largest)
            {
                return null;
            }

            total += largest;
        }

        return new LpRelaxation(total, [.. model.Placed.Select(v => reducedCost[v])], [.. model.Placed.Select(v => v.SolutionValue())]);
    }

    /// <summary>The largest m·x for x between lower and upper; null when that is unbounded.</summary>
    private static decimal? Largest(decimal m, double lower, double upper) =>
        m == 0 ? 0
        : m > 0 ? (double.IsPositiveInfinity(upper) ? null : m * (decimal)upper)
        : double.IsNegativeInfinity(lower) ? null : m * (decimal)lower;

    /// <summary>
    /// The row's dual, rounded to what a decimal holds, and zero where it would multiply an infinite side: any y gives
    /// a valid bound, a good one only near the LP's.
    /// </summary>
    private static decimal Dual(ModelRow row)
    {
        var y = row.Constraint.DualValue();
        return double.IsNaN(y) || Largest((decimal)Math.Sign(y), row.Lower, row.Upper) is null ? 0 : (decimal)y;
    }
}
