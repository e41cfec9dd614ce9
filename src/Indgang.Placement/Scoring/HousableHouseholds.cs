using Google.OrTools.Graph;
using Indgang.Placement.Solving;

namespace Indgang.Placement.Scoring;

/// <summary>
/// How many of the waiting households the units on offer can hold at most, pair rules respected (a maximum flow
/// from household types to units). Spread targets are shares of everyone already housed plus this number, so they
/// describe the distribution the municipality will actually have after the plan, not one with every household
/// housed when the units cannot hold them all.
/// </summary>
internal static class HousableHouseholds
{
    public static int Count(PlacementIndex index)
    {
        var types = InterchangeableHouseholds.Of(index);
        var units = index.Request.Units;
        var flow = new MaxFlow();
        var source = 0;
        var sink = 1 + types.Count + units.Count;
        for (var t = 0; t < types.Count; t++)
        {
            flow.AddArcWithCapacity(source, 1 + t, types[t].Members.Count);
            for (var u = 0; u < units.Count; u++)
            {
                if (PairCheck.Allows(index, types[t].Representative, units[u]))
                {
                    flow.AddArcWithCapacity(1 + t, 1 + types.Count + u, units[u].IsSharedRoom ? units[u].Beds : 1);
                }
            }
        }

        for (var u = 0; u < units.Count; u++)
        {
            flow.AddArcWithCapacity(1 + types.Count + u, sink, units[u].IsSharedRoom ? units[u].Beds : 1);
        }

        return flow.Solve(source, sink) == MaxFlow.Status.OPTIMAL ? (int)flow.OptimalFlow() : index.Request.Households.Count;
    }
}
