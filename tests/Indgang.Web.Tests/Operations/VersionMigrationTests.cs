using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Indgang.Web.Tests.Operations;

/// <summary>
/// Rows made before their table had a concurrency token (the demo data, with the schema taken back to the migration
/// before) get one each from the migration, written so that the provider reads it back: a change checked against it
/// is saved.
/// </summary>
public sealed class VersionMigrationTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task HousingSiteVersion_ExistingSites_EachGetAVersionThatAnEditIsCheckedAgainst()
    {
        await RollBackAndReapplyAsync("_HousingSiteVersion");

        AssertOneVersionEach(await factory.QueryAsync(db => db.HousingSites.AsNoTracking().Select(s => s.Version).ToListAsync()), atLeast: 4);

        var saved = await factory.QueryAsync(async db =>
        {
            var site = await db.HousingSites.OrderBy(s => s.Name).FirstAsync();
            site.Edit(site.Name + " (rettet)", site.Kind, site.TownId, site.Address);
            return await db.SaveChangesAsync();
        });
        Assert.Equal(1, saved);
    }

    [Fact]
    public async Task HouseholdVersion_ExistingHouseholds_EachGetAVersionThatAnArrivalChangeIsCheckedAgainst()
    {
        await RollBackAndReapplyAsync("_HouseholdVersion");

        AssertOneVersionEach(await factory.QueryAsync(db => db.Households.AsNoTracking().Select(h => h.Version).ToListAsync()), atLeast: 3);

        var saved = await factory.QueryAsync(async db =>
        {
            var household = await db.Households.OrderBy(h => h.Name).FirstAsync();
            household.SetArrival(household.ExpectedArrival?.AddDays(1), household.ArrivedOn);
            return await db.SaveChangesAsync();
        });
        Assert.Equal(1, saved);
    }

    /// <summary>Every demo row has a version, none empty and no two alike.</summary>
    private static void AssertOneVersionEach(List<Guid> versions, int atLeast)
    {
        Assert.True(versions.Count >= atLeast, $"Only {versions.Count} demo rows.");
        Assert.DoesNotContain(Guid.Empty, versions);
        Assert.Equal(versions.Count, versions.Distinct().Count());
    }

    private Task<int> RollBackAndReapplyAsync(string migrationSuffix) =>
        factory.QueryAsync(async db =>
        {
            var migrations = db.Database.GetMigrations().ToList();
            var before = migrations[migrations.FindIndex(m => m.EndsWith(migrationSuffix, StringComparison.Ordinal)) - 1];
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(before);
            await migrator.MigrateAsync();
            return migrations.Count;
        });
}
