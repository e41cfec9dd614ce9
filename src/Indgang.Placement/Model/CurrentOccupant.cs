namespace Indgang.Placement;

/// <summary>One household already housed; it counts for spread, language neighbours and families nearby.</summary>
public sealed record CurrentOccupant(string District, string Language, bool IsFamilyWithChildren);
