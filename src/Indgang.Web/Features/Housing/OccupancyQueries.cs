using Indgang.Domain.Housing;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Housing;

/// <summary>Occupancy filters the database runs: the query form of <see cref="Occupancy.IsHomeOn"/>.</summary>
public static class OccupancyQueries
{
    /// <summary>The stays that are their household's home on the day: not moved out by then.</summary>
    public static IQueryable<Occupancy> HomeOn(this IQueryable<Occupancy> occupancies, DateOnly day) =>
        occupancies.Where(o => o.MovedOutOn == null || o.MovedOutOn > day);

    /// <summary>
    /// The stays of households living in another of our temporary units than <paramref name="unitId"/> on
    /// <paramref name="day"/>, with no move out agreed: households that may move straight from there into
    /// <paramref name="unitId"/> (<see cref="HousingMoves.MoveToAnotherUnitAsync"/>), as the unit page's move-in form lists them.
    /// </summary>
    public static IQueryable<Occupancy> MovableTo(this IQueryable<Occupancy> occupancies, Guid unitId, DateOnly day) =>
        occupancies.Where(o => o.IsTemporary && o.MovedOutOn == null && o.MovedInOn <= day && o.UnitId != unitId);

    /// <summary>
    /// The last day each of <paramref name="households"/> moved out of one of our units, on or before
    /// <paramref name="day"/> (none listed for a household that never did): a household waiting again has been without a
    /// home since then, not since it came. Read as rows and taken apart here, as the stays of a few households are few.
    /// </summary>
    public static async Task<Dictionary<Guid, DateOnly>> LastMovedOutAsync(
        this IQueryable<Occupancy> occupancies, IReadOnlyCollection<Guid> households, DateOnly day, CancellationToken cancellationToken)
    {
        var moves = await occupancies.Where(o => households.Contains(o.HouseholdId) && o.MovedOutOn <= day)
            .Select(o => new { o.HouseholdId, MovedOutOn = o.MovedOutOn!.Value }).ToListAsync(cancellationToken);
        return moves.GroupBy(o => o.HouseholdId).ToDictionary(g => g.Key, g => g.Max(o => o.MovedOutOn));
    }

    /// <summary>
    /// The households one of our permanent units is, will be or was home to: their first permanent home from the
    /// municipality, which is all the duty to house covers (<see cref="HousingDuty"/>).
    /// </summary>
    public static IQueryable<Guid> GivenPermanentHome(this IQueryable<Occupancy> occupancies) =>
        occupancies.Where(o => !o.IsTemporary).Select(o => o.HouseholdId);
}
