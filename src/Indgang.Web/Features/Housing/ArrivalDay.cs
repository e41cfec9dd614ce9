using Indgang.Domain.People;

namespace Indgang.Web.Features.Housing;

/// <summary>A household with the day it arrives (<see cref="ArrivalDay"/>), for the database to filter and sort by.</summary>
public sealed class ArrivingHousehold
{
    public required Household Household { get; init; }

    /// <summary>The day it came, once it has come; else the day it is expected; null when neither is known.</summary>
    public DateOnly? On { get; init; }
}

/// <summary>
/// The day a household arrives, as the housing pages and the capacity forecast date it: the day it came
/// (<see cref="Household.ArrivedOn"/>) once it has come, else the day it is expected (<see cref="Household.ExpectedArrival"/>).
/// A household that came earlier than announced and waits for a home needs its bed from the day it came, and counts
/// against that year's quota, not the announced one's. The query form, so the database filters and sorts by it.
/// </summary>
public static class ArrivalDay
{
    public static IQueryable<ArrivingHousehold> WithArrivalDay(this IQueryable<Household> households) =>
        households.Select(h => new ArrivingHousehold { Household = h, On = h.ArrivedOn ?? h.ExpectedArrival });
}
