using Indgang.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Indgang.Web.Tests.Operations;

/// <summary>
/// The start says what it did to the schema and refuses a schema it does not know. An upgrade's start logs each migration
/// it applies, where it said only »Database schema is up to date«, as at a start with nothing to do; and a version
/// started on a database a newer version has migrated (a rollback without restoring the backup) stops, naming the
/// migrations it does not know, where it started without a word (found by the operator's review).
/// </summary>
public sealed class SchemaVersionAtStartTests
{
    [Fact]
    public async Task ANewDatabase_LogsEachMigrationApplied_AndASecondStartNone()
    {
        await using var first = new LoggedServer();
        _ = first.Services;
        var migrations = await first.QueryAsync(db => Task.FromResult(db.Database.GetMigrations().ToList()));
        await using var second = new LoggedServer(first);
        _ = second.Services;

        Assert.Equal(migrations.Select(m => $"Applying the database migration {m}."), first.Log.At(LogLevel.Information).Where(m => m.StartsWith("Applying the database migration", StringComparison.Ordinal)));
        Assert.Contains(first.Log.At(LogLevel.Information), m => m.EndsWith($"; {migrations.Count} migrations applied at this start).", StringComparison.Ordinal));
        Assert.DoesNotContain(second.Log.At(LogLevel.Information), m => m.StartsWith("Applying the database migration", StringComparison.Ordinal));
        Assert.Contains(second.Log.At(LogLevel.Information), m => m.EndsWith("; 0 migrations applied at this start).", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ADatabaseMigratedByANewerVersion_StopsTheStart_NamingTheMigration()
    {
        await using var first = new LoggedServer();
        _ = first.Services;
        await first.QueryAsync(db => db.Database.ExecuteSqlRawAsync(
            "INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('99991231000000_FromANewerVersion', '10.0.0')"));
        await using var older = new LoggedServer(first);

        var refused = Record.Exception(() => older.Services);

        Assert.NotNull(refused);
        var messages = StartRefusal.Messages(refused);
        Assert.Contains("The database has been migrated by a newer version of Indgang (99991231000000_FromANewerVersion unknown to this version).", messages, StringComparison.Ordinal);
    }

    /// <summary>
    /// A server of a new installation, on an empty database (not the test suite's copy of a migrated one), its start-up
    /// step's information kept in its log; a second one on the first's database.
    /// </summary>
    private sealed class LoggedServer : LoggedAppFactory
    {
        public LoggedServer()
            : base(LogLevel.Information)
        {
        }

        public LoggedServer(LoggedServer firstServer)
            : base(firstServer, LogLevel.Information)
        {
        }

        protected override bool StartsFromSeededInstallation => false;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Logging:LogLevel:Indgang.Web.Data.DatabaseInitializer", "Information");
        }
    }
}
