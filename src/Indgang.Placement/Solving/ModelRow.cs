using Google.OrTools.LinearSolver;

namespace Indgang.Placement.Solving;

/// <summary>
/// A constraint of the placement model, with its terms kept on our side as well: OR-Tools' .NET interface cannot list
/// a constraint's terms, and <see cref="LpRelaxation"/> needs them to turn the LP's duals into a bound that holds exactly.
/// </summary>
internal sealed class ModelRow(Constraint constraint, double lower, double upper)
{
    private readonly Dictionary<Variable, double> terms = new(ReferenceEqualityComparer.Instance);

    public Constraint Constraint { get; } = constraint;

    public double Lower { get; } = lower;

    public double Upper { get; } = upper;

    /// <summary>Variable → coefficient.</summary>
    public IReadOnlyDictionary<Variable, double> Terms => terms;

    public void SetCoefficient(Variable variable, double coefficient)
    {
        Constraint.SetCoefficient(variable, coefficient);
        terms[variable] = coefficient;
    }
}
