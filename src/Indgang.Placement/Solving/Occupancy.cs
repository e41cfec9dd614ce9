using Indgang.Placement.Scoring;

namespace Indgang.Placement.Solving;

/// <summary>
/// Who has moved in so far while a plan is built one household at a time: the hard constraints that pairs share
/// (one household per whole unit, shared rooms within beds and of one gender, school seats) checked incrementally.
/// </summary>
internal sealed class Occupancy(PlacementIndex index)
{
    private readonly Dictionary<string, int> occupantsByUnit = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PlacementGender?> sharedRoomGender = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> schoolChildrenByDistrict = new(StringComparer.Ordinal);

    public Dictionary<string, string> Assignment { get; } = new(StringComparer.Ordinal);

    public bool Fits(PlacementHousehold household, PlacementUnit unit)
    {
        var occupants = occupantsByUnit.GetValueOrDefault(unit.Id);
        var roomFree = unit.IsSharedRoom
            ? occupants < unit.Beds && (occupants == 0 || sharedRoomGender[unit.Id] == household.Gender)
            : occupants == 0;
        return roomFree &&
            SchoolSeatsLeft(unit.District) >= household.SchoolAgeChildren &&
            PairCheck.Allows(index, household, unit);
    }

    public void MoveIn(PlacementHousehold household, PlacementUnit unit)
    {
        Assignment[household.Id] = unit.Id;
        occupantsByUnit[unit.Id] = occupantsByUnit.GetValueOrDefault(unit.Id) + 1;
        sharedRoomGender[unit.Id] = household.Gender;
        schoolChildrenByDistrict[unit.District] = schoolChildrenByDistrict.GetValueOrDefault(unit.District) + household.SchoolAgeChildren;
    }

    private int SchoolSeatsLeft(string district) =>
        index.SchoolSeats.TryGetValue(district, out var seats)
            ? seats - schoolChildrenByDistrict.GetValueOrDefault(district)
            : int.MaxValue;
}
