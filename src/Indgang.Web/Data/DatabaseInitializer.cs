using Indgang.Domain.Audit;
using Indgang.Web.Audit;
using Indgang.Web.DemoData;
using Indgang.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace Indgang.Web.Data;

/// <summary>
/// The one start-up step that brings the schema up to date (migrations, never EnsureCreated) and,
/// where allowed, seeds demo data. It runs before the server accepts requests. Before anything writes to the audit log
/// (the first administrator, the demo), the log's newest row is verified with the configured chain key
/// (<see cref="AuditChainKeyCheck"/>): a server with another key does not start.
/// </summary>
internal sealed partial class DatabaseInitializer(
    IServiceScopeFactory scopes,
    IHostEnvironment environment,
    IConfiguration configuration,
    AuditChainKey chainKey,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IndgangDbContext>();
        if (db.Database.IsSqlite())
        {
            // The SQLite file's folder made here, by the step that opens it, not as the services are registered: a start
            // refused for a later setting (a time zone, the transport security) made an empty data folder.
            DataServiceExtensions.CreatePrivateDirectory(DataServiceExtensions.DataDirectoryPath(configuration, environment));
        }

        await CreatePostgresDatabaseAsync(db, cancellationToken);
        await using (await StartupLock.AcquireAsync(db, logger, cancellationToken))
        {
            await CreateMigrationsHistoryAsync(db, cancellationToken);
            var pending = await SchemaVersion.PendingOrRefuseNewerAsync(db, cancellationToken);
            foreach (var migration in pending)
            {
                LogApplying(logger, migration);
            }

            // Nothing to apply, nothing to run: on a database that is up to date, MigrateAsync would still take EF Core's
            // migration lock, read the history again and compare the model with the migrations' snapshot (about a tenth of
            // every start). A model changed without its migration is CI's and the tests' to find (ModelAndMigrationTests).
            if (pending.Count > 0)
            {
                await db.Database.MigrateAsync(cancellationToken);
            }

            LogMigrated(logger, db.Database.ProviderName ?? "?", pending.Count);
            await AuditChainKeyCheck.EnsureLogWrittenWithAsync(db, chainKey, cancellationToken);
            await scope.ServiceProvider.GetRequiredService<RoleBootstrapper>().EnsureAsync();
            await ReferenceData.EnsureAsync(db, cancellationToken);

            if (DemoDataSeeder.IsAllowed(environment, configuration))
            {
                await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(cancellationToken);
            }
        }
    }

    /// <summary>
    /// A PostgreSQL database that is not there yet made, empty, before the start-up lock is taken in it (the migrations
    /// would make it too, but only under the lock, which needs the database). Made here, EF Core does not log the error
    /// it logged as its migrations found the database missing. The warning says so in case the database's name is wrong:
    /// a server would otherwise start quietly on an empty database. Another server making it at the same moment is no fault.
    /// </summary>
    private async Task CreatePostgresDatabaseAsync(IndgangDbContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!db.Database.IsNpgsql() || await creator.ExistsAsync(cancellationToken))
        {
            return;
        }

        var database = db.Database.GetDbConnection().Database;
        LogDatabaseMissing(logger, database);
        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (Npgsql.PostgresException e) when (e.SqlState is Npgsql.PostgresErrorCodes.DuplicateDatabase or Npgsql.PostgresErrorCodes.UniqueViolation)
        {
            LogMadeByAnother(logger, database);
        }
    }

    /// <summary>
    /// On PostgreSQL, the migrations' history table made before the migrations run, by the provider's own script. The
    /// provider reads the history before it makes it, so on an empty database EF Core logged the failed read as an error
    /// ("Failed executing DbCommand … __EFMigrationsHistory", npgsql/efcore.pg#3407) at every new installation, which an
    /// operator's alerting takes for a failed start.
    /// </summary>
    private static async Task CreateMigrationsHistoryAsync(IndgangDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The PostgreSQL database {Database} is not there: it is made now, empty, with its schema. If this installation has its data in a database already, stop the server and check the database name in its connection string.")]
    private static partial void LogDatabaseMissing(ILogger logger, string database);

    [LoggerMessage(Level = LogLevel.Information, Message = "The PostgreSQL database {Database} was made at the same moment by another server starting.")]
    private static partial void LogMadeByAnother(ILogger logger, string database);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is up to date ({Provider}; {Applied} migrations applied at this start).")]
    private static partial void LogMigrated(ILogger logger, string provider, int applied);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying the database migration {Migration}.")]
    private static partial void LogApplying(ILogger logger, string migration);
}
