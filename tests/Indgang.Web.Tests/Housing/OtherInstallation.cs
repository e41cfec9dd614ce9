using Indgang.Domain.Housing;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Housing;

/// <summary>A second installation to move a stock to: its own database, seeded with the same demo municipality.</summary>
internal static class OtherInstallation
{
    /// <summary>What the other installation's own units' labels begin with once they are out of the way.</summary>
    public const string Renamed = "Egen bolig: ";

    /// <summary>
    /// Gives the installation every site <paramref name="source"/> has (same name, kind, town and address; the demo's
    /// are there already) and puts its own units out of the way: they are renamed, so that a unit of the source's is new
    /// here. (The demo units have residents and history, so they are renamed rather than deleted.)
    /// </summary>
    public static async Task GivenTheSameSitesWithoutTheUnitsAsync(this IndgangAppFactory installation, IndgangAppFactory source)
    {
        var sites = await source.QueryAsync(db => (
            from s in db.HousingSites.AsNoTracking()
            join t in db.Towns.AsNoTracking() on s.TownId equals t.Id
            orderby s.Name
            select new { s.Name, s.Kind, s.Address, Town = t.Name }).ToListAsync());
        await installation.QueryAsync(async db =>
        {
            var names = await db.HousingSites.Select(s => s.Name).ToListAsync();
            var towns = await db.Towns.ToDictionaryAsync(t => t.Name, t => t.Id);
            db.HousingSites.AddRange(sites.Where(s => !names.Contains(s.Name)).Select(s => new HousingSite(s.Name, s.Kind, towns[s.Town], s.Address)));
            await db.SaveChangesAsync();
            return await db.HousingUnits.ExecuteUpdateAsync(u => u.SetProperty(x => x.Label, x => Renamed + x.Label));
        });
    }
}
