using Indgang.Placement;
using Indgang.Placement.Generation;

namespace Indgang.Bench;

/// <summary>The year's arrivals and vacancies, generated once so that every strategy replays the same year.</summary>
internal sealed class ReplayYear
{
    private readonly List<(PlacementHousehold Household, int Week)> arrivals = [];
    private readonly List<PlacementUnit> units = [];
    private readonly List<CurrentOccupant> occupants = [];
    private IReadOnlyList<PlacementDistrict> districts = [];

    public static ReplayYear Generate(InstanceShape shape, int seed, int weeks)
    {
        var generator = new SyntheticInstances(shape, seed);
        var random = new Random(seed);
        var year = new ReplayYear { districts = generator.Districts };
        var start = SyntheticInstances.PlanningDate;
        for (var i = 0; i < 30; i++)
        {
            year.arrivals.Add((generator.Household($"H{year.arrivals.Count + 1:D4}"), 0));
            year.units.Add(generator.Unit($"U{year.units.Count + 1:D4}", start) with { AvailableFrom = start.AddDays(-random.Next(0, 60)) });
        }

        for (var i = 0; i < 60; i++)
        {
            year.occupants.Add(generator.Occupant());
        }

        for (var week = 1; week < weeks; week++)
        {
            for (var i = random.Next(2, 7); i > 0; i--)
            {
                year.arrivals.Add((generator.Household($"H{year.arrivals.Count + 1:D4}") with { DaysWaited = 0 }, week));
            }

            for (var i = random.Next(2, 7); i > 0; i--)
            {
                year.units.Add(generator.Unit($"U{year.units.Count + 1:D4}", start) with { AvailableFrom = start.AddDays(7 * week) });
            }
        }

        return year;
    }

    /// <summary>
    /// The request the housing coordinator faces in a week: who waits, what is free, who already lives where. With a
    /// notice of n weeks, households arriving within the next n weeks are on the list too, as registered arrivals
    /// are on the placement page (they have waited no days yet), with their expected arrival, and so are units that
    /// free up within the n weeks: the optimizer offers such a unit only to a household arriving after it is free.
    /// </summary>
    public PlacementRequest Week(int week, IReadOnlyDictionary<string, string> placed, TimeSpan timeLimit, int noticeWeeks = 0)
    {
        var date = SyntheticInstances.PlanningDate.AddDays(7 * week);
        var taken = placed.Values.ToHashSet(StringComparer.Ordinal);
        var unitsById = units.ToDictionary(u => u.Id, StringComparer.Ordinal);
        var waiting = arrivals
            .Where(a => a.Week <= week + noticeWeeks && !placed.ContainsKey(a.Household.Id))
            .Select(a => a.Household with
            {
                DaysWaited = a.Household.DaysWaited + (7 * Math.Max(0, week - a.Week)),
                ExpectedArrival = a.Week > week ? SyntheticInstances.PlanningDate.AddDays(7 * a.Week) : null,
            })
            .ToList();
        var housed = arrivals
            .Where(a => placed.ContainsKey(a.Household.Id))
            .Select(a => new CurrentOccupant(unitsById[placed[a.Household.Id]].District, a.Household.Language, a.Household.IsFamilyWithChildren));
        // A shared room with a free bed stays on offer; a whole unit is gone once let. Within the notice, units that
        // free up before an announced household arrives are on offer to it too (the stock knows when a unit is free).
        var horizon = date.AddDays(7 * noticeWeeks);
        var free = units.Where(u => u.AvailableFrom <= horizon && (u.IsSharedRoom || !taken.Contains(u.Id))).ToList();
        var sharedOccupants = placed.Values.Where(id => unitsById[id].IsSharedRoom).GroupBy(id => id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        free = [.. free
            .Select(u => u.IsSharedRoom ? u with { Beds = u.Beds - sharedOccupants.GetValueOrDefault(u.Id) } : u)
            .Where(u => u.Beds > 0)];
        var exclusions = SharedRoomGenderExclusions(placed, unitsById, waiting);
        return new PlacementRequest(
            waiting, free, districts, [.. occupants, .. housed], PlacementWeights.Default, date, [], exclusions, null, timeLimit);
    }

    /// <summary>Whether a household has arrived by the given week.</summary>
    public bool HasArrived(string householdId, int week) =>
        arrivals.Any(a => a.Week <= week && string.Equals(a.Household.Id, householdId, StringComparison.Ordinal));

    /// <summary>Weeks from arrival to a home, over the households housed (waiting before the year included).</summary>
    public double AverageWeeksWaited(IReadOnlyDictionary<string, int> placedInWeek) =>
        arrivals.Where(a => placedInWeek.ContainsKey(a.Household.Id))
            .Average(a => (a.Household.DaysWaited / 7.0) + placedInWeek[a.Household.Id] - a.Week);

    /// <summary>All of the year's households and units at once, as if the future had been known.</summary>
    public PlacementRequest WholeYear(TimeSpan timeLimit) => new(
        [.. arrivals.Select(a => a.Household)],
        [.. units.Select(u => u with { AvailableFrom = SyntheticInstances.PlanningDate })],
        districts, occupants, PlacementWeights.Default, SyntheticInstances.PlanningDate, [], [], null, timeLimit);

    /// <summary>A partly let shared room keeps its gender: the other gender is excluded from it.</summary>
    private List<(string, string)> SharedRoomGenderExclusions(
        IReadOnlyDictionary<string, string> placed, Dictionary<string, PlacementUnit> unitsById, List<PlacementHousehold> waiting)
    {
        var households = arrivals.ToDictionary(a => a.Household.Id, a => a.Household, StringComparer.Ordinal);
        var roomGender = placed
            .Where(p => unitsById[p.Value].IsSharedRoom)
            .GroupBy(p => p.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => households[g.First().Key].Gender, StringComparer.Ordinal);
        return [.. from room in roomGender
                   from household in waiting
                   where household.Gender != room.Value
                   select (household.Id, room.Key)];
    }
}
