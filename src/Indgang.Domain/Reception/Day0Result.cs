namespace Indgang.Domain.Reception;

/// <param name="Date">Day 0: the day the municipality takes over responsibility.</param>
/// <param name="Basis">What the date was computed from.</param>
/// <param name="MovedToWorkingDay">The rule's date was a weekend or holiday and was moved forward.</param>
/// <param name="UnadjustedDate">The rule's date before that move; null when it was not moved.</param>
public sealed record Day0Result(DateOnly Date, Day0Basis Basis, bool MovedToWorkingDay, DateOnly? UnadjustedDate)
{
    public bool IsEstimate => Basis == Day0Basis.ExpectedArrivalEstimate;
}
