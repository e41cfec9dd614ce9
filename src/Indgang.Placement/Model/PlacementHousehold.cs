namespace Indgang.Placement;

/// <summary>
/// A household waiting for a home. Gender matters only for single adults, who may share a room. A household announced
/// but not yet arrived has its expected arrival: it may be offered a unit that is free by then (the notice from
/// visitation to day 0 is the municipality's time to find housing, domain-rules.md). A household waiting for family
/// members by family reunification (<see cref="FamilyToJoin"/>) is offered a permanent home only with room for them
/// too: the whole family then moves once (seed 004).
/// </summary>
public sealed record PlacementHousehold(
    string Id,
    int Adults,
    IReadOnlyList<int> ChildAges,
    string Language,
    bool NeedsStepFree,
    int DaysWaited,
    decimal MonthlyRentCap,
    PlacementGender? Gender = null,
    DateOnly? ExpectedArrival = null,
    int FamilyToJoin = 0)
{
    // Folkeskole runs from 0. klasse at 6 to 9./10. klasse at about 16; younger children need daycare.
    public const int FirstSchoolAge = 6;
    public const int LastSchoolAge = 16;

    public int Size => Adults + ChildAges.Count;

    public bool IsFamilyWithChildren => ChildAges.Count > 0;

    public bool IsSingleAdult => Adults == 1 && ChildAges.Count == 0;

    public int SchoolAgeChildren => ChildAges.Count(age => age is >= FirstSchoolAge and <= LastSchoolAge);

    public bool HasChildUnderSchoolAge => ChildAges.Any(age => age < FirstSchoolAge);

    /// <summary>
    /// The beds this household needs in a whole unit: a permanent home keeps beds for the family to join as well, a
    /// temporary one houses the household as it is now.
    /// </summary>
    public int BedsNeededIn(PlacementUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return unit.IsPermanent ? Size + FamilyToJoin : Size;
    }

    /// <summary>When a household needs a home: the planning date, or its expected arrival if it is announced for later.</summary>
    public static DateOnly NeededFrom(DateOnly planningDate, DateOnly? expectedArrival) =>
        expectedArrival is { } arrival && arrival > planningDate ? arrival : planningDate;

    /// <summary>When this household needs a home, for a plan made on the planning date.</summary>
    public DateOnly NeededFrom(DateOnly planningDate) => NeededFrom(planningDate, ExpectedArrival);
}
