using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Indgang.Web.Tests.Operations;

/// <summary>
/// Migrations that fix the data of rows made before them (the demo data, with the schema taken back to the migration
/// before). Rows made before their table had a concurrency token get one each, written so that the provider reads it
/// back: a change checked against it is saved.
/// </summary>
public sealed class DataMigrationTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task HousingSiteVersion_ExistingSites_EachGetAVersionThatAnEditIsCheckedAgainst()
    {
        await RollBackToBeforeAsync("_HousingSiteVersion");
        await MigrateAsync();

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
        await RollBackToBeforeAsync("_HouseholdVersion");
        await MigrateAsync();

        AssertOneVersionEach(await factory.QueryAsync(db => db.Households.AsNoTracking().Select(h => h.Version).ToListAsync()), atLeast: 3);

        var saved = await factory.QueryAsync(async db =>
        {
            var household = await db.Households.OrderBy(h => h.Name).FirstAsync();
            household.SetArrival(household.ExpectedArrival?.AddDays(1), household.ArrivedOn);
            return await db.SaveChangesAsync();
        });
        Assert.Equal(1, saved);
    }

    [Fact]
    public async Task ArrivalNeverAhead_AnArrivalStoredForADayToCome_BecomesTheExpectedArrival_OthersStay()
    {
        await RollBackToBeforeAsync("_ArrivalNeverAhead");
        var ahead = DateOnly.FromDateTime(DateTime.Now).AddDays(10);
        var (planned, arrived) = await factory.QueryAsync(async db =>
        {
            // As a planned move-in stored it before: "arrived" on its day ahead.
            var kovalenko = await db.Households.FirstAsync(h => h.Name == "Familien Kovalenko");
            kovalenko.SetArrival(kovalenko.ExpectedArrival, ahead);
            await db.SaveChangesAsync();
            var haddad = await db.Households.FirstAsync(h => h.Name == "Familien Haddad");
            return (kovalenko.Id, (haddad.Id, haddad.ArrivedOn));
        });

        await MigrateAsync();

        var after = await factory.QueryAsync(db => db.Households.AsNoTracking().Where(h => h.Id == planned || h.Id == arrived.Id)
            .ToDictionaryAsync(h => h.Id, h => (h.ExpectedArrival, h.ArrivedOn)));
        Assert.Equal((ahead, (DateOnly?)null), after[planned]);
        Assert.NotNull(arrived.ArrivedOn);
        Assert.Equal(arrived.ArrivedOn, after[arrived.Id].ArrivedOn);
    }

    /// <summary>Every demo row has a version, none empty and no two alike.</summary>
    private static void AssertOneVersionEach(List<Guid> versions, int atLeast)
    {
        Assert.True(versions.Count >= atLeast, $"Only {versions.Count} demo rows.");
        Assert.DoesNotContain(Guid.Empty, versions);
        Assert.Equal(versions.Count, versions.Distinct().Count());
    }

    private Task<int> RollBackToBeforeAsync(string migrationSuffix) =>
        factory.QueryAsync(async db =>
        {
            var migrations = db.Database.GetMigrations().ToList();
            await db.GetService<IMigrator>().MigrateAsync(migrations[migrations.FindIndex(m => m.EndsWith(migrationSuffix, StringComparison.Ordinal)) - 1]);
            return migrations.Count;
        });

    private Task<int> MigrateAsync() =>
        factory.QueryAsync(async db =>
        {
            await db.GetService<IMigrator>().MigrateAsync();
            return db.Database.GetMigrations().Count();
        });
}
