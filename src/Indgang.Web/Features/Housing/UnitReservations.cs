using System.Linq.Expressions;
using Indgang.Domain.Housing;
using Indgang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Housing;

/// <summary>
/// The units nobody lives in today that a household is to move into on a later day, each with the first such day: their
/// Status is »Reserveret fra« that day, not »Beboet« (<see cref="HousingUnit.StockStatusOn"/>). Lived in today: a stay
/// moved into by today and not moved out by then. <see cref="Reserved"/> asks the database the same for the list's filter.
/// </summary>
public static class UnitReservations
{
    /// <summary>The reserved units and the day the first household moves in; of <paramref name="unitId"/> only, when given.</summary>
    public static async Task<Dictionary<Guid, DateOnly>> OnAsync(IndgangDbContext db, DateOnly today, Guid? unitId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var homes = db.Occupancies.AsNoTracking().HomeOn(today);
        if (unitId is { } id)
        {
            homes = homes.Where(o => o.UnitId == id);
        }

        var ahead = await homes.Where(o => o.MovedInOn > today).Select(o => new { o.UnitId, o.MovedInOn }).ToListAsync(cancellationToken);
        if (ahead.Count == 0)
        {
            return [];
        }

        var units = ahead.Select(a => a.UnitId).Distinct().ToList();
        var lived = await homes.Where(o => o.MovedInOn <= today && units.Contains(o.UnitId)).Select(o => o.UnitId).Distinct().ToListAsync(cancellationToken);
        return ahead.Where(a => !lived.Contains(a.UnitId)).GroupBy(a => a.UnitId).ToDictionary(g => g.Key, g => g.Min(a => a.MovedInOn));
    }

    /// <summary>Whether nobody lives in the unit today and a household is to move in later, as the database asks it.</summary>
    public static Expression<Func<HousingUnit, bool>> Reserved(IQueryable<Occupancy> occupancies, DateOnly today) =>
        u => occupancies.Any(o => o.UnitId == u.Id && o.MovedInOn > today && (o.MovedOutOn == null || o.MovedOutOn > today))
            && !occupancies.Any(o => o.UnitId == u.Id && o.MovedInOn <= today && (o.MovedOutOn == null || o.MovedOutOn > today));
}
