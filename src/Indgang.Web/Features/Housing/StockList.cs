using Indgang.Domain.Housing;
using Indgang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Housing;

public sealed record UnitRow(HousingUnit Unit, string SiteName, SiteKind SiteKind, string Town, Guid TownId);

/// <summary>A town the stock list's filter offers: one with at least one site.</summary>
public sealed record TownChoice(Guid Id, string Name);

/// <summary>
/// The stock list's units (HOUSE-1) as a <see cref="UnitFilter"/> lets them through, in the list's order (town, site,
/// label), and the towns the filter can choose from: one reading for the stock page, its CSV file and the API.
/// </summary>
public static class StockList
{
    public static Task<List<UnitRow>> UnitsAsync(IndgangDbContext db, UnitFilter filter, DateOnly today, CancellationToken cancellationToken = default) =>
        Units(db, filter, today).ToListAsync(cancellationToken);

    /// <summary>
    /// The units as a query, for the API to count and read a page of: in the list's order, then by id, so that no unit is
    /// on two pages.
    /// </summary>
    public static IQueryable<UnitRow> Units(IndgangDbContext db, UnitFilter filter, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        return
            from u in filter.Apply(db.HousingUnits.AsNoTracking(), db.HousingSites, today)
            join s in db.HousingSites.AsNoTracking() on u.SiteId equals s.Id
            join t in db.Towns.AsNoTracking() on s.TownId equals t.Id
            orderby t.Name, s.Name, u.Label, u.Id
            select new UnitRow(u, s.Name, s.Kind, t.Name, t.Id);
    }

    /// <summary>The towns with a site, by name: those <see cref="UnitFilterInput.Read"/> accepts.</summary>
    public static Task<List<TownChoice>> TownsAsync(IndgangDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Towns.AsNoTracking()
            .Where(t => db.HousingSites.Any(s => s.TownId == t.Id))
            .OrderBy(t => t.Name)
            .Select(t => new TownChoice(t.Id, t.Name))
            .ToListAsync(cancellationToken);
    }
}
