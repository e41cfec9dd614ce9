using Indgang.Placement.Scoring;

namespace Indgang.Placement.Solving;

/// <summary>
/// Households that no unit, rule or neighbour can tell apart: same adults, children (under school age, of school
/// age), step-free need, rent cap, language, gender, family status, family to join and when they need a home. The model places a
/// number of each type per unit instead of each household, which makes it several times smaller and removes the
/// symmetry between interchangeable households. A household with a lock, an exclusion or a previous suggestion is a
/// type of its own.
/// Members are ordered longest waited first, because that is who the optimum houses first.
/// </summary>
internal sealed class InterchangeableHouseholds(PlacementHousehold representative, List<PlacementHousehold> members)
{
    public PlacementHousehold Representative { get; } = representative;

    public IReadOnlyList<PlacementHousehold> Members { get; } = members;

    public static IReadOnlyList<InterchangeableHouseholds> Of(PlacementIndex index)
    {
        var individual = index.Request.Locks.Select(l => l.HouseholdId)
            .Concat(index.Request.Exclusions.Select(e => e.HouseholdId))
            .Concat(index.Request.PreviousSuggestions?.Keys ?? [])
            .ToHashSet(StringComparer.Ordinal);
        return [.. index.Request.Households
            .Select((household, order) => (household, order))
            .GroupBy(x => Key(x.household, individual.Contains(x.household.Id), x.household.NeededFrom(index.Request.PlanningDate)))
            .Select(g => g.OrderByDescending(x => x.household.DaysWaited).ThenBy(x => x.order).Select(x => x.household).ToList())
            .Select(members => new InterchangeableHouseholds(members[0], members))];
    }

    private static TypeKey Key(PlacementHousehold h, bool individual, DateOnly neededFrom) => new(
        h.Adults, h.ChildAges.Count, h.SchoolAgeChildren, h.HasChildUnderSchoolAge, h.NeedsStepFree, h.MonthlyRentCap,
        h.Language.Trim().ToUpperInvariant(), h.Gender, neededFrom, h.FamilyToJoin, individual ? h.Id : null);

    private readonly record struct TypeKey(
        int Adults, int Children, int SchoolAgeChildren, bool UnderSchoolAge, bool NeedsStepFree, decimal RentCap,
        string Language, PlacementGender? Gender, DateOnly NeededFrom, int FamilyToJoin, string? Id);
}
