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
    public static async Task<List<UnitRow>> UnitsAsync(IndgangDbContext db, UnitFilter filter, DateOnly today, CancellationToken cancellationToken = default) =>
        await (await UnitsQueryAsync(db, filter, today, cancellationToken)).ToListAsync(cancellationToken);

    /// <summary>
    /// The units as a query, for the page and the API to count and read a page of: in the list's order, then by id, so
    /// that no unit is on two pages.
    /// </summary>
    public static async Task<IQueryable<UnitRow>> UnitsQueryAsync(IndgangDbContext db, UnitFilter filter, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        var sharedRoomsWithBeds = filter.MinFreeBeds is { } beds and > 0 ? await SharedRoomsWithBedsAsync(db, today, beds, cancellationToken) : [];
        return
            from u in filter.Apply(db.HousingUnits.AsNoTracking(), db.HousingSites, db.Occupancies, today, sharedRoomsWithBeds)
            join s in db.HousingSites.AsNoTracking() on u.SiteId equals s.Id
            join t in db.Towns.AsNoTracking() on s.TownId equals t.Id
            orderby t.Name, s.Name, u.Label, u.Id
            select new UnitRow(u, s.Name, s.Kind, t.Name, t.Id);
    }

    /// <summary>
    /// The shared rooms with at least <paramref name="beds"/> beds to give on the day (<see cref="HousingUnit.BedsToGiveOn"/>):
    /// a resident who has agreed to move out later keeps a bed until then, one moving in later takes one from then.
    /// </summary>
    public static async Task<List<Guid>> SharedRoomsWithBedsAsync(IndgangDbContext db, DateOnly today, int beds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rooms = await db.HousingUnits.AsNoTracking().Where(u => u.IsSharedRoom && u.Beds >= beds).ToListAsync(cancellationToken);
        if (rooms.Count == 0)
        {
            return [];
        }

        var taken = await SharedRoomResidents.BedsTakenFromAsync(db, today, null, cancellationToken);
        return rooms.Where(u => u.BedsToGiveOn(today, taken.GetValueOrDefault(u.Id)) >= beds).Select(u => u.Id).ToList();
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
