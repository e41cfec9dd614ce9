using System.Diagnostics;
using Indgang.Web.Data;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Indgang.Web.Tests.Operations;

/// <summary>
/// A server that dies in its start-up step (killed, out of memory, its machine restarted) while it holds the start-up
/// lock does not keep the installation's other servers from starting: the lock ends with the process that held it. On
/// PostgreSQL the lock is the dead process's session's, which ends as its connection closes; on SQLite it is a lock on
/// a file, which the operating system lets go. The dead server here is another process that holds the very lock the
/// app takes, and is killed: <c>psql</c> (PostgreSQL's client, which comes with the server) holding the advisory lock
/// on its connection, idle as the app's lock connection is while its migrations run; or <c>flock</c> (util-linux)
/// holding the lock file, as .NET locks it on Linux.
/// </summary>
public sealed class ServerDiesInItsStartTests
{
    private const string Waiting = "Another server is running the start-up step on this database";

    [Fact]
    public async Task AServerWaitingForTheStartupLock_Starts_WhenTheServerHoldingItDies()
    {
        await using var first = new ServerFactory();
        var connectionString = await first.QueryAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        using var holder = first.UsesPostgres ? HoldPostgresLock(connectionString) : HoldLockFile(connectionString);
        await using var second = new ServerFactory(first);
        Task<IServiceProvider>? starting = null;
        try
        {
            await WaitUntilAsync(() => IsHeldAsync(connectionString, first.UsesPostgres), "the other process took the start-up lock");
            starting = Task.Run(() => second.Services);
            await WaitUntilAsync(() => Task.FromResult(second.Log.At(LogLevel.Information).Any(m => m.StartsWith(Waiting, StringComparison.Ordinal))), "the second server says it waits");
            Assert.False(starting.IsCompleted, "The second server started while another process held the start-up lock.");
        }
        finally
        {
            holder.Kill(entireProcessTree: true);
            await holder.WaitForExitAsync();
        }

        await starting.WaitAsync(TimeSpan.FromSeconds(60));
        using var browser = Browser.For(second);
        Assert.Contains("Log ind", await browser.GetPageAsync("/Account/Login"), StringComparison.Ordinal);
        Assert.Equal("", second.Log.Errors);
    }

    /// <summary><c>psql</c> on the app's database, the start-up lock taken, then idle, waiting for its next statement.</summary>
    private static Process HoldPostgresLock(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        var psql = new ProcessStartInfo("psql")
        {
            ArgumentList = { "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", settings.Host!, "-p", settings.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", settings.Username!, "-d", settings.Database! },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            Environment = { ["PGPASSWORD"] = settings.Password ?? "" },
        };
        var process = Process.Start(psql)!;
        process.StandardInput.WriteLine($"SELECT pg_advisory_lock({StartupLock.PostgresLockKey});");
        process.StandardInput.Flush();
        return process;
    }

    /// <summary><c>flock</c> holding the app's start-up lock file; what it runs (a long sleep) does not hold it too.</summary>
    private static Process HoldLockFile(string connectionString)
    {
        var lockFile = Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource) + ".startup.lock";
        return Process.Start(new ProcessStartInfo("flock") { ArgumentList = { "--exclusive", "--close", lockFile, "sleep", "600" } })!;
    }

    private static async Task<bool> IsHeldAsync(string connectionString, bool postgres)
    {
        if (!postgres)
        {
            var lockFile = Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource) + ".startup.lock";
            try
            {
                await using (new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
                {
                    return false;
                }
            }
            catch (IOException)
            {
                return true;
            }
        }

        // An advisory lock on a bigint key is listed with its high half as classid and its low half as objid.
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var held = new NpgsqlCommand(
            """
            SELECT count(*) FROM pg_locks
            WHERE locktype = 'advisory' AND granted AND objsubid = 1
              AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND classid::bigint = @high AND objid::bigint = @low
            """,
            connection);
        held.Parameters.AddWithValue("high", StartupLock.PostgresLockKey >>> 32);
        held.Parameters.AddWithValue("low", StartupLock.PostgresLockKey & 0xFFFF_FFFF);
        return (long)(await held.ExecuteScalarAsync())! == 1;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, $"Waited 60 s for this, in vain: {what}.");
            await Task.Delay(50);
        }
    }

    /// <summary>A server of the test suite's demo installation, its start-up step's log kept; a second one on the first's database.</summary>
    private sealed class ServerFactory : LoggedAppFactory
    {
        public ServerFactory()
            : base(LogLevel.Information)
        {
        }

        public ServerFactory(ServerFactory firstServer)
            : base(firstServer, LogLevel.Information)
        {
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Logging:LogLevel:Indgang.Web.Data.DatabaseInitializer", "Information");
        }
    }
}
