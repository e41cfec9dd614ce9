using System.Diagnostics;
using Indgang.Placement.Scoring;
using Indgang.Placement.Solving;

namespace Indgang.Placement;

/// <summary>
/// What a careful coordinator does by hand, as the yardstick for the optimizer: locked pairs first, then households
/// in arrival order — longest waited first, then (among those who have waited as long, as every household announced but
/// not yet arrived has: none) the one needed first, its expected arrival or the planning date, then by id — each into the
/// first free unit that satisfies every hard constraint.
/// Scored with the same objective; it has no bound, so its gap is NaN.
/// </summary>
public static class GreedyBaseline
{
    public static PlacementResult Solve(PlacementRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var clock = Stopwatch.StartNew();
        var index = PlacementIndex.For(request);
        var occupancy = new Occupancy(index);
        if (!PlaceLocked(index, occupancy))
        {
            return ResultFactory.Empty(index, SolveStatus.Infeasible, clock.Elapsed);
        }

        var inArrivalOrder = request.Households
            .OrderByDescending(h => h.DaysWaited)
            .ThenBy(h => h.NeededFrom(request.PlanningDate))
            .ThenBy(h => h.Id, StringComparer.Ordinal);
        foreach (var household in inArrivalOrder)
        {
            if (occupancy.Assignment.ContainsKey(household.Id))
            {
                continue;
            }

            var unit = request.Units.FirstOrDefault(u => occupancy.Fits(household, u));
            if (unit is not null)
            {
                occupancy.MoveIn(household, unit);
            }
        }

        return ResultFactory.Plan(index, occupancy.Assignment, bound: null, SolveStatus.Feasible, clock.Elapsed);
    }

    /// <summary>Places every locked pair; false when the locks cannot all hold.</summary>
    internal static bool PlaceLocked(PlacementIndex index, Occupancy occupancy)
    {
        foreach (var (householdId, unitId) in index.Request.Locks.Distinct())
        {
            if (!index.Households.TryGetValue(householdId, out var household) ||
                !index.Units.TryGetValue(unitId, out var unit) ||
                occupancy.Assignment.ContainsKey(householdId) ||
                !occupancy.Fits(household, unit))
            {
                return false;
            }

            occupancy.MoveIn(household, unit);
        }

        return true;
    }
}
