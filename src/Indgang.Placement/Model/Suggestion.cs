namespace Indgang.Placement;

public sealed record Suggestion(string HouseholdId, string UnitId, IReadOnlyList<ExplanationTerm> Terms)
{
    public long Points => Terms.Sum(term => term.Points);
}
