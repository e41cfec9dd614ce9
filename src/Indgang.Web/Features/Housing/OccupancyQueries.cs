using Indgang.Domain.Housing;

namespace Indgang.Web.Features.Housing;

/// <summary>Occupancy filters the database runs: the query form of <see cref="Occupancy.IsHomeOn"/>.</summary>
public static class OccupancyQueries
{
    /// <summary>The stays that are their household's home on the day: not moved out by then.</summary>
    public static IQueryable<Occupancy> HomeOn(this IQueryable<Occupancy> occupancies, DateOnly day) =>
        occupancies.Where(o => o.MovedOutOn == null || o.MovedOutOn > day);

    /// <summary>
    /// The households one of our permanent units is, will be or was home to: their first permanent home from the
    /// municipality, which is all the duty to house covers (<see cref="HousingDuty"/>).
    /// </summary>
    public static IQueryable<Guid> GivenPermanentHome(this IQueryable<Occupancy> occupancies) =>
        occupancies.Where(o => !o.IsTemporary).Select(o => o.HouseholdId);
}
