namespace Indgang.Placement.Tests;

/// <summary>
/// The best plan by trying them all: every household either unhoused or in a unit it is allowed, units filled only
/// within their capacity, and each complete plan checked against every hard constraint and scored.
/// </summary>
internal static class BruteForce
{
    public static long BestObjective(PlacementRequest request) => BestObjective(request, _ => true);

    /// <summary>The best objective over the plans the filter accepts; long.MinValue when it accepts none.</summary>
    public static long BestObjective(PlacementRequest request, Func<IReadOnlyDictionary<string, string>, bool> accept)
    {
        var best = long.MinValue;
        var assignment = new Dictionary<string, string>(StringComparer.Ordinal);
        var used = new Dictionary<string, int>(StringComparer.Ordinal);

        void Visit(int next)
        {
            if (next == request.Households.Count)
            {
                if (accept(assignment) && HardConstraints.Violations(request, assignment).Count == 0)
                {
                    best = Math.Max(best, PlacementObjective.Evaluate(request, assignment));
                }

                return;
            }

            var household = request.Households[next];
            Visit(next + 1);
            foreach (var unit in request.Units)
            {
                var capacity = unit.IsSharedRoom ? unit.Beds : 1;
                if (used.GetValueOrDefault(unit.Id) < capacity && HardConstraints.Allows(request, household, unit))
                {
                    assignment[household.Id] = unit.Id;
                    used[unit.Id] = used.GetValueOrDefault(unit.Id) + 1;
                    Visit(next + 1);
                    used[unit.Id]--;
                    assignment.Remove(household.Id);
                }
            }
        }

        Visit(0);
        return best;
    }
}
