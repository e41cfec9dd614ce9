using Indgang.Web.DemoData;
using Indgang.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace Indgang.Web.Data;

/// <summary>
/// The one start-up step that brings the schema up to date (migrations, never EnsureCreated) and,
/// where allowed, seeds demo data. It runs before the server accepts requests.
/// </summary>
internal sealed partial class DatabaseInitializer(
    IServiceScopeFactory scopes,
    IHostEnvironment environment,
    IConfiguration configuration,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IndgangDbContext>();
        await CreateMigrationsHistoryAsync(db, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        LogMigrated(logger, db.Database.ProviderName ?? "?");
        await scope.ServiceProvider.GetRequiredService<RoleBootstrapper>().EnsureAsync();
        await ReferenceData.EnsureAsync(db, cancellationToken);

        if (DemoDataSeeder.IsAllowed(environment, configuration))
        {
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(cancellationToken);
        }
    }

    /// <summary>
    /// On PostgreSQL, the migrations' history table made before the migrations run, by the provider's own script, in a
    /// database that is there. The provider reads the history before it makes it, so on an empty database EF Core logged
    /// the failed read as an error ("Failed executing DbCommand … __EFMigrationsHistory", npgsql/efcore.pg#3407) at every
    /// new installation, which an operator's alerting takes for a failed start. A database that is not there yet is made
    /// by the migrations; EF Core then logs a connection error as it finds it missing, so the log first says why.
    /// </summary>
    private async Task CreateMigrationsHistoryAsync(IndgangDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return;
        }

        if (await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(cancellationToken))
        {
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        }
        else
        {
            LogDatabaseMissing(logger, db.Database.GetDbConnection().Database);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The PostgreSQL database {Database} is not there: it is created now, with its schema. EF Core logs a connection error as it finds the database missing; create the database beforehand to start without it.")]
    private static partial void LogDatabaseMissing(ILogger logger, string database);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is up to date ({Provider}).")]
    private static partial void LogMigrated(ILogger logger, string provider);
}
