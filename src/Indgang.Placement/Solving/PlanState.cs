using Indgang.Placement.Scoring;

namespace Indgang.Placement.Solving;

/// <summary>
/// A plan being improved move by move, with its objective kept up to date in constant time per move: pair points
/// from the candidate table, and for groups, spread and shared rooms the change in the same functions
/// <see cref="ObjectiveBreakdown"/> uses (<see cref="GroupValue"/>), so the score always equals the objective.
/// </summary>
internal sealed class PlanState
{
    private readonly PlacementWeights weights;
    private readonly CandidatePairs candidates;
    private readonly long[][] pointsByType;
    private readonly int[] typeOf;
    private readonly long[] housedValue;
    private readonly int[] languageGroup;

    /// <summary>An unknown language is no group: its households earn and pay nothing for it.</summary>
    private readonly bool[] languageKnown;
    private readonly int[] districtOf;
    private readonly int[] existingLanguage;
    private readonly int[] existingFamilies;
    private readonly int[] existingHouseholds;
    private readonly int[]? target;
    private readonly int[] addedLanguage;
    private readonly int[] addedFamilies;
    private readonly int[] addedHouseholds;
    private readonly int[] seatsLeft;
    private readonly int[] occupants;
    private readonly PlacementGender?[] roomGender;
    private readonly int[][] unitsByType;
    private readonly int[] wholeUnitOccupant;

    public PlanState(PlacementIndex index, CandidatePairs candidates)
    {
        weights = index.Weights;
        this.candidates = candidates;
        Households = [.. candidates.Types.SelectMany(t => t.Members)];
        var units = candidates.Units;
        pointsByType = [.. candidates.Types.Select(_ => Enumerable.Repeat(long.MinValue, units.Count).ToArray())];
        foreach (var pair in candidates.Pairs)
        {
            pointsByType[pair.Type][pair.Unit] = pair.Points;
        }

        unitsByType = [.. pointsByType.Select(points => Enumerable.Range(0, points.Length)
            .Where(u => points[u] != long.MinValue).OrderByDescending(u => points[u]).ToArray())];
        wholeUnitOccupant = Enumerable.Repeat(-1, units.Count).ToArray();
        typeOf = [.. candidates.Types.SelectMany((t, i) => t.Members.Select(_ => i))];
        housedValue = [.. Households.Select(h => CandidatePairs.HousedValue(index, h, units[0]))];
        var districts = units.Select(u => u.District).Distinct(StringComparer.Ordinal).ToList();
        var districtIndex = districts.Select((d, i) => (d, i)).ToDictionary(x => x.d, x => x.i, StringComparer.Ordinal);
        districtOf = [.. units.Select(u => districtIndex[u.District])];
        var languages = Households.Select(h => h.Language.Trim().ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();
        languageGroup = [.. Households.Select(h => languages.IndexOf(h.Language.Trim().ToUpperInvariant()))];
        languageKnown = [.. Households.Select(h => PlacementIndex.IsKnownLanguage(h.Language))];
        existingLanguage = [.. languages.SelectMany(l => districts.Select(d => index.ExistingInLanguageGroup(PlacementIndex.LanguageGroup(d, l))))];
        existingFamilies = [.. districts.Select(index.ExistingFamiliesInDistrict)];
        existingHouseholds = [.. districts.Select(index.ExistingInDistrict)];
        target = index.DistrictTargets is { } targets ? [.. districts.Select(d => targets.GetValueOrDefault(d))] : null;
        addedLanguage = new int[languages.Count * districts.Count];
        addedFamilies = new int[districts.Count];
        addedHouseholds = new int[districts.Count];
        seatsLeft = [.. districts.Select(d => index.SchoolSeats.TryGetValue(d, out var seats) ? seats : int.MaxValue)];
        occupants = new int[units.Count];
        roomGender = new PlacementGender?[units.Count];
        UnitOf = Enumerable.Repeat(-1, Households.Count).ToArray();
        DistrictCount = districts.Count;
    }

    public IReadOnlyList<PlacementHousehold> Households { get; }

    public int[] UnitOf { get; }

    public long Score { get; private set; }

    public int UnitCount => candidates.Units.Count;

    private int DistrictCount { get; }

    /// <summary>The units a household may live in, best pair points first.</summary>
    public IReadOnlyList<int> CandidateUnits(int household) => unitsByType[typeOf[household]];

    /// <summary>The household in a whole unit, or −1 (shared rooms report −1 too).</summary>
    public int OccupantOf(int unit) => wholeUnitOccupant[unit];

    public bool IsFree(int unit) => occupants[unit] == 0;

    public int DistrictOf(int unit) => districtOf[unit];

    public int LanguageOf(int household) => languageGroup[household];

    public bool IsSharedRoom(int unit) => candidates.Units[unit].IsSharedRoom;

    public bool Fits(int household, int unit)
    {
        if (pointsByType[typeOf[household]][unit] == long.MinValue)
        {
            return false;
        }

        var room = candidates.Units[unit];
        var free = room.IsSharedRoom
            ? occupants[unit] < room.Beds && (occupants[unit] == 0 || roomGender[unit] == Households[household].Gender)
            : occupants[unit] == 0;
        return free && seatsLeft[districtOf[unit]] >= Households[household].SchoolAgeChildren;
    }

    public void Add(int household, int unit)
    {
        var h = Households[household];
        var d = districtOf[unit];
        var group = (languageGroup[household] * DistrictCount) + d;
        Score += housedValue[household] + pointsByType[typeOf[household]][unit];
        if (languageKnown[household])
        {
            Score += Shift(ref addedLanguage[group], +1, k => GroupValue.LanguageChange(weights, existingLanguage[group], k));
        }

        if (h.IsFamilyWithChildren)
        {
            Score += Shift(ref addedFamilies[d], +1, k => GroupValue.FamilyChange(weights, existingFamilies[d], k));
        }

        Score += Shift(ref addedHouseholds[d], +1, Spread(d));
        if (candidates.Units[unit].IsSharedRoom)
        {
            var beds = candidates.Units[unit].Beds;
            Score += Shift(ref occupants[unit], +1, k => GroupValue.SharedRoomWaste(weights, beds, k));
            roomGender[unit] = h.Gender;
        }
        else
        {
            occupants[unit]++;
            wholeUnitOccupant[unit] = household;
        }

        seatsLeft[d] -= h.SchoolAgeChildren;
        UnitOf[household] = unit;
    }

    public void Remove(int household)
    {
        var unit = UnitOf[household];
        var h = Households[household];
        var d = districtOf[unit];
        var group = (languageGroup[household] * DistrictCount) + d;
        Score -= housedValue[household] + pointsByType[typeOf[household]][unit];
        if (languageKnown[household])
        {
            Score += Shift(ref addedLanguage[group], -1, k => GroupValue.LanguageChange(weights, existingLanguage[group], k));
        }

        if (h.IsFamilyWithChildren)
        {
            Score += Shift(ref addedFamilies[d], -1, k => GroupValue.FamilyChange(weights, existingFamilies[d], k));
        }

        Score += Shift(ref addedHouseholds[d], -1, Spread(d));
        if (candidates.Units[unit].IsSharedRoom)
        {
            var beds = candidates.Units[unit].Beds;
            Score += Shift(ref occupants[unit], -1, k => GroupValue.SharedRoomWaste(weights, beds, k));
        }
        else
        {
            occupants[unit]--;
            wholeUnitOccupant[unit] = -1;
        }

        seatsLeft[d] += h.SchoolAgeChildren;
        UnitOf[household] = -1;
    }

    public Dictionary<string, string> Assignment()
    {
        var assignment = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var h = 0; h < Households.Count; h++)
        {
            if (UnitOf[h] >= 0)
            {
                assignment[Households[h].Id] = candidates.Units[UnitOf[h]].Id;
            }
        }

        return assignment;
    }

    private static long Shift(ref int count, int by, Func<int, long> value)
    {
        var before = value(count);
        count += by;
        return value(count) - before;
    }

    private Func<int, long> Spread(int district) => target is null
        ? _ => 0
        : k => GroupValue.SpreadChange(weights, existingHouseholds[district], k, target[district]);
}
