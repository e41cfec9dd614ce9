namespace Indgang.Placement;

/// <summary>
/// A district and its share of the municipality's population, which is its fair share of refugee households.
/// <paramref name="FreeSchoolSeats"/> is the number of school-age children the district's schools can still take
/// (reception classes fill up); null means no limit.
/// </summary>
public sealed record PlacementDistrict(string Name, double PopulationShare, int? FreeSchoolSeats = null);
