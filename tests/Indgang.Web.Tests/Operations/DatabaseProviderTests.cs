using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Operations;

/// <summary>Guards the CI run on PostgreSQL: the web tests really use the database they claim to.</summary>
public sealed class DatabaseProviderTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task App_UsesTheConfiguredDatabase()
    {
        var expectPostgres = !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(IndgangAppFactory.PostgresVariable));

        var (isPostgres, isSqlite, migrations) = await factory.QueryAsync(async db =>
            (db.Database.IsNpgsql(), db.Database.IsSqlite(), (await db.Database.GetAppliedMigrationsAsync()).Count()));

        Assert.Equal(expectPostgres, isPostgres);
        Assert.Equal(!expectPostgres, isSqlite);
        Assert.True(migrations > 0, "The schema must come from migrations.");
    }
}
