using Indgang.Placement.Generation;

namespace Indgang.Placement.Tests;

/// <summary>Seeded random instances: tiny ones for brute force, small ones for properties.</summary>
internal static class RandomInstances
{
    public static PlacementRequest Tiny(int seed)
    {
        var random = new Random(seed);
        var shape = new InstanceShape(
            Households: random.Next(2, 7),
            Units: random.Next(2, 7),
            Districts: random.Next(1, 4),
            SharedRoomUnitShare: 0.2,
            NotYetAvailableShare: 0.05,
            SchoolSeatsPerExpectedChild: seed % 3 == 0 ? 0.6 : null,
            OccupantsPerHousehold: 0.7);
        var request = SyntheticInstances.Request(shape, seed, TimeSpan.FromSeconds(20));
        return WithCoordinatorChoices(request, random);
    }

    public static PlacementRequest Small(int seed, int households = 25, int units = 30)
    {
        var random = new Random(seed);
        var shape = new InstanceShape(households, units, random.Next(2, 6), SharedRoomUnitShare: 0.15,
            SchoolSeatsPerExpectedChild: seed % 2 == 0 ? 0.7 : null);
        return WithCoordinatorChoices(SyntheticInstances.Request(shape, seed, TimeSpan.FromSeconds(1)), random);
    }

    /// <summary>
    /// Now and then an exclusion and a previous suggestion, as a coordinator would leave them, a shared room
    /// someone already lives in, and a household waiting for family by family reunification.
    /// </summary>
    private static PlacementRequest WithCoordinatorChoices(PlacementRequest request, Random random)
    {
        var units = request.Units
            .Select(u => u.IsSharedRoom && random.NextDouble() < 0.4
                ? u with { SharedWith = random.Next(2) == 0 ? PlacementGender.Female : PlacementGender.Male }
                : u)
            .ToList();
        var exclusions = new List<(string, string)>();
        var previous = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var household in request.Households)
        {
            var unit = request.Units[random.Next(request.Units.Count)];
            var roll = random.NextDouble();
            if (roll < 0.15)
            {
                exclusions.Add((household.Id, unit.Id));
            }
            else if (roll < 0.35)
            {
                previous[household.Id] = unit.Id;
            }
        }

        var households = request.Households
            .Select(h => random.NextDouble() < 0.15 ? h with { FamilyToJoin = random.Next(1, 4) } : h)
            .ToList();
        return request with { Households = households, Units = units, Exclusions = exclusions, PreviousSuggestions = previous };
    }
}
