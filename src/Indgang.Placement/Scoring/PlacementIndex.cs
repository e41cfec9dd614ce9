using System.Runtime.CompilerServices;

namespace Indgang.Placement.Scoring;

/// <summary>
/// Look-ups derived once from a request and shared by the constraints, the objective, the baseline and the model.
/// Languages compare case-insensitively, ids and district names exactly.
/// </summary>
internal sealed class PlacementIndex
{
    private static readonly ConditionalWeakTable<PlacementRequest, PlacementIndex> Cache = [];

    private readonly Dictionary<string, int> existingByDistrict = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> existingFamiliesByDistrict = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> existingByLanguageGroup = new(StringComparer.Ordinal);
    private readonly Lazy<IReadOnlyDictionary<string, int>?> districtTargets;

    private PlacementIndex(PlacementRequest request)
    {
        Request = request;
        Households = request.Households.ToDictionary(h => h.Id, StringComparer.Ordinal);
        Units = request.Units.ToDictionary(u => u.Id, StringComparer.Ordinal);
        SchoolSeats = request.Districts
            .Where(d => d.FreeSchoolSeats is not null)
            .ToDictionary(d => d.Name, d => d.FreeSchoolSeats!.Value, StringComparer.Ordinal);
        Exclusions = request.Exclusions.ToHashSet();
        LocksByHousehold = request.Locks
            .GroupBy(l => l.HouseholdId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(l => l.UnitId).Distinct(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        LockedWholeUnitHolders = request.Locks
            .Where(l => Units.TryGetValue(l.UnitId, out var unit) && !unit.IsSharedRoom)
            .GroupBy(l => l.UnitId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(l => l.HouseholdId).Distinct(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        foreach (var occupant in request.Occupants)
        {
            Increment(existingByDistrict, occupant.District);
            if (IsKnownLanguage(occupant.Language))
            {
                Increment(existingByLanguageGroup, LanguageGroup(occupant.District, occupant.Language));
            }
            if (occupant.IsFamilyWithChildren)
            {
                Increment(existingFamiliesByDistrict, occupant.District);
            }
        }

        districtTargets = new Lazy<IReadOnlyDictionary<string, int>?>(() =>
            DistrictTargetApportionment.Targets(request.Districts, request.Occupants.Count + HousableHouseholds.Count(this)));
    }

    public PlacementRequest Request { get; }

    public PlacementWeights Weights => Request.Weights;

    public IReadOnlyDictionary<string, PlacementHousehold> Households { get; }

    public IReadOnlyDictionary<string, PlacementUnit> Units { get; }

    public IReadOnlyDictionary<string, int> SchoolSeats { get; }

    public IReadOnlySet<(string HouseholdId, string UnitId)> Exclusions { get; }

    public IReadOnlyDictionary<string, List<string>> LocksByHousehold { get; }

    public IReadOnlyDictionary<string, List<string>> LockedWholeUnitHolders { get; }

    /// <summary>
    /// Each district's fair number of refugee households: its share of those already housed plus those the units on
    /// offer can hold (<see cref="HousableHouseholds"/>); null when no population shares are given.
    /// </summary>
    public IReadOnlyDictionary<string, int>? DistrictTargets => districtTargets.Value;

    public static PlacementIndex For(PlacementRequest request) => Cache.GetValue(request, r => new PlacementIndex(r));

    /// <summary>
    /// Whether the household's (or occupant's) language is known. An unknown one (empty) is no language group: two
    /// households whose language nobody has recorded do not share one, and one of them is not alone with it.
    /// </summary>
    public static bool IsKnownLanguage(string? language) => !string.IsNullOrWhiteSpace(language);

    public static string LanguageGroup(string district, string language) =>
        district + "\u001f" + language.Trim().ToUpperInvariant();

    public int ExistingInDistrict(string district) => existingByDistrict.GetValueOrDefault(district);

    public int ExistingFamiliesInDistrict(string district) => existingFamiliesByDistrict.GetValueOrDefault(district);

    public int ExistingInLanguageGroup(string group) => existingByLanguageGroup.GetValueOrDefault(group);

    public string? PreviousUnit(string householdId) =>
        Request.PreviousSuggestions is { } previous && previous.TryGetValue(householdId, out var unitId) ? unitId : null;

    private static void Increment(Dictionary<string, int> counts, string key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;
}
