using Indgang.Placement.Scoring;

namespace Indgang.Placement;

/// <summary>
/// Plain numbers about a plan that a manager can read without the weights: how many are housed, how many families
/// live within 1 km of a school, how many newly placed households are the only speakers of their language in their
/// district, how far the district with the largest deviation is from its population share (percentage points, over
/// everyone housed, earlier and now), broken hard constraints and empty beds in used units.
/// </summary>
public sealed record PlacementMetrics(
    int HouseholdsHoused,
    int FamiliesWithChildrenHoused,
    int FamiliesWithinOneKmOfSchool,
    int HouseholdsAloneWithLanguage,
    double LargestDistrictDeviationPoints,
    int HardConstraintViolations,
    int WastedBeds)
{
    public const int SchoolWalkMetres = 1000;

    public static PlacementMetrics Of(PlacementRequest r, IReadOnlyDictionary<string, string> assignment)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(assignment);
        var index = PlacementIndex.For(r);
        var placed = assignment
            .Where(pair => index.Households.ContainsKey(pair.Key) && index.Units.ContainsKey(pair.Value))
            .Select(pair => (Household: index.Households[pair.Key], Unit: index.Units[pair.Value]))
            .ToList();
        var families = placed.Where(p => p.Household.IsFamilyWithChildren).ToList();
        var languageGroups = placed
            .Where(p => PlacementIndex.IsKnownLanguage(p.Household.Language))
            .GroupBy(p => PlacementIndex.LanguageGroup(p.Unit.District, p.Household.Language), StringComparer.Ordinal)
            .ToList();
        var alone = languageGroups.Count(g => g.Count() == 1 && index.ExistingInLanguageGroup(g.Key) == 0);
        var wastedBeds = placed
            .GroupBy(p => p.Unit.Id, StringComparer.Ordinal)
            .Sum(g => Math.Max(0, g.First().Unit.Beds - g.Sum(p => p.Household.BedsNeededIn(p.Unit))));
        return new PlacementMetrics(
            placed.Count,
            families.Count,
            families.Count(p => p.Unit.SchoolMetres <= SchoolWalkMetres),
            alone,
            LargestDeviation(r, index, placed),
            HardConstraints.Violations(r, assignment).Count,
            wastedBeds);
    }

    private static double LargestDeviation(
        PlacementRequest r, PlacementIndex index, List<(PlacementHousehold Household, PlacementUnit Unit)> placed)
    {
        var shareSum = r.Districts.Sum(d => Math.Max(0, d.PopulationShare));
        var total = r.Occupants.Count + placed.Count;
        if (shareSum <= 0 || total == 0)
        {
            return 0;
        }

        return r.Districts.Max(d =>
        {
            var housed = index.ExistingInDistrict(d.Name) + placed.Count(p => p.Unit.District == d.Name);
            return Math.Abs((100.0 * housed / total) - (100.0 * Math.Max(0, d.PopulationShare) / shareSum));
        });
    }
}
