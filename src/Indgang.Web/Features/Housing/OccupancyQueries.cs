using Indgang.Domain.Housing;

namespace Indgang.Web.Features.Housing;

/// <summary>Occupancy filters the database runs: the query form of <see cref="Occupancy.IsHomeOn"/>.</summary>
public static class OccupancyQueries
{
    /// <summary>The stays that are their household's home on the day: not moved out by then.</summary>
    public static IQueryable<Occupancy> HomeOn(this IQueryable<Occupancy> occupancies, DateOnly day) =>
        occupancies.Where(o => o.MovedOutOn == null || o.MovedOutOn > day);
}
