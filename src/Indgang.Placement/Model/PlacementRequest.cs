namespace Indgang.Placement;

/// <summary>
/// Everything the optimizer needs. Locks force a pair, exclusions forbid one; previous suggestions
/// (household id → unit id) are kept when nothing important changed.
/// </summary>
public sealed record PlacementRequest(
    IReadOnlyList<PlacementHousehold> Households,
    IReadOnlyList<PlacementUnit> Units,
    IReadOnlyList<PlacementDistrict> Districts,
    IReadOnlyList<CurrentOccupant> Occupants,
    PlacementWeights Weights,
    DateOnly PlanningDate,
    IReadOnlyCollection<(string HouseholdId, string UnitId)> Locks,
    IReadOnlyCollection<(string HouseholdId, string UnitId)> Exclusions,
    IReadOnlyDictionary<string, string>? PreviousSuggestions,
    TimeSpan TimeLimit);
