using Indgang.Domain;
using Indgang.Placement.Scoring;

namespace Indgang.Placement;

/// <summary>
/// The units of the request a person may choose for a household instead of the optimizer (the placement page's
/// override, the unit page's »Ny bolig«), and, when there are none, why, in the words of <see cref="WhyUnhoused"/>. Left out are the units that break
/// a rule the move into it refuses whatever the reason (<see cref="Binding"/>: beds, a shared room's rules, the rent cap,
/// a vulnerable area, the day it is free); one that breaks only a rule a person may set aside with a reason (step-free
/// access, room for the family to join, school seats) is offered, and asked about when chosen
/// (<see cref="HardConstraints.BrokenBy"/>).
/// </summary>
public sealed record ChoosableUnits(IReadOnlyList<string> UnitIds, Said? WhyNone)
{
    /// <summary>The rules of the pair alone that no reason sets aside: the move refuses a unit that breaks one.</summary>
    internal const PairProblems Binding = PairProblems.TooFewBeds | PairProblems.SharedRoomNotForThisHousehold | PairProblems.RentAboveCap
        | PairProblems.VulnerableArea | PairProblems.NotYetAvailable | PairProblems.OtherGenderInSharedRoom;

    /// <summary>
    /// The units household <paramref name="householdId"/> may be given; none when it is not in the request. With
    /// <paramref name="freeLater"/>, a unit free only after the household's day is offered too, for a move on the day it
    /// is free (the unit page's »Ny bolig«, whose day is typed beside it and asked by the move).
    /// </summary>
    public static ChoosableUnits For(PlacementRequest request, string householdId, bool freeLater = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        return For([request], householdId, freeLater);
    }

    /// <summary>
    /// As <see cref="For(PlacementRequest, string, bool)"/>, each request's units judged against the household as that
    /// request sees it (on its <see cref="PlacementRequest.PlanningDate"/>): units free on different days, each asked on
    /// its day (its rent cap's year, the members' ages then), as the move into it checks them.
    /// </summary>
    public static ChoosableUnits For(IReadOnlyList<PlacementRequest> requests, string householdId, bool freeLater = false)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var rules = freeLater ? Binding & ~PairProblems.NotYetAvailable : Binding;
        var binding = new List<(string Id, PairProblems Problems)>();
        var known = false;
        foreach (var request in requests)
        {
            var index = PlacementIndex.For(request);
            if (index.Households.TryGetValue(householdId, out var household))
            {
                known = true;
                binding.AddRange(request.Units.Select(unit => (unit.Id, Problems: PairCheck.Problems(index, household, unit) & rules)));
            }
        }

        if (!known)
        {
            return new([], null);
        }

        var choosable = binding.Where(u => u.Problems == PairProblems.None).Select(u => u.Id).ToList();
        return new(choosable, choosable.Count > 0 ? null : WhyUnhoused.NoUnitFits(binding.Select(u => u.Problems).ToList()));
    }
}
