using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Indgang.Web.Tests.Operations;

/// <summary>
/// Sites made before sites had a version (the demo sites, with the schema taken back to the migration before) get one
/// each from the migration, written so that the provider reads it back: an edit checked against it is saved.
/// </summary>
public sealed class HousingSiteVersionMigrationTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task HousingSiteVersion_ExistingSites_EachGetAVersionThatAnEditIsCheckedAgainst()
    {
        await factory.QueryAsync(async db =>
        {
            var migrations = db.Database.GetMigrations().ToList();
            var before = migrations[migrations.FindIndex(m => m.EndsWith("_HousingSiteVersion", StringComparison.Ordinal)) - 1];
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(before);
            await migrator.MigrateAsync();
            return migrations.Count;
        });

        var versions = await factory.QueryAsync(db => db.HousingSites.AsNoTracking().Select(s => s.Version).ToListAsync());
        Assert.True(versions.Count >= 4, $"Only {versions.Count} demo sites.");
        Assert.DoesNotContain(Guid.Empty, versions);
        Assert.Equal(versions.Count, versions.Distinct().Count());

        var saved = await factory.QueryAsync(async db =>
        {
            var site = await db.HousingSites.OrderBy(s => s.Name).FirstAsync();
            site.Edit(site.Name + " (rettet)", site.Kind, site.TownId, site.Address);
            return await db.SaveChangesAsync();
        });
        Assert.Equal(1, saved);
    }
}
