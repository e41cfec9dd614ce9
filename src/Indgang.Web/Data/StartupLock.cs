using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Indgang.Web.Data;

/// <summary>
/// The start-up step held to one server at a time, among all the servers of one database: at a new installation, and at
/// an upgrade rolled out to several servers, they start at the same moment. EF Core's own migration lock does not cover
/// it: on PostgreSQL two servers both ran a migration ("relation … already exists"), and on both databases both made the
/// roles and the first administrator (a unique index refused the second), so one server did not start.
/// <para>
/// PostgreSQL: a session advisory lock, on a connection of its own outside the pool, released when unlocked or when the
/// connection ends (also when the server dies). SQLite: an exclusive lock on a file beside the database file, released
/// when closed (also by the operating system when the process dies). A server that finds the lock taken says so and waits.
/// </para>
/// </summary>
internal static partial class StartupLock
{
    // An arbitrary, fixed key for pg_advisory_lock, apart from the audit log's: "INDGANGS" (start) read as a number.
    internal const long PostgresLockKey = 0x494E4447414E4753;

    private static readonly TimeSpan FileRetry = TimeSpan.FromMilliseconds(100);

    public static async Task<IAsyncDisposable> AcquireAsync(IndgangDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        var connectionString = db.Database.GetConnectionString()
            ?? throw new InvalidOperationException("The database has no connection string.");
        return db.Database.IsNpgsql()
            ? await PostgresAsync(connectionString, logger, cancellationToken)
            : await SqliteFileAsync(connectionString, logger, cancellationToken);
    }

    private static async Task<IAsyncDisposable> PostgresAsync(string connectionString, ILogger logger, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (!await ScalarAsync<bool>(connection, "SELECT pg_try_advisory_lock(@key)", cancellationToken))
            {
                LogWaiting(logger);
                await ScalarAsync<object>(connection, "SELECT pg_advisory_lock(@key)", cancellationToken);
            }

            return new PostgresLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        // No time limit: the wait lasts as long as another server's migrations (the host's start-up token ends it).
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("key", PostgresLockKey);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<IAsyncDisposable> SqliteFileAsync(string connectionString, ILogger logger, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource) + ".startup.lock";
        for (var waiting = false; ; waiting = true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                if (!waiting)
                {
                    LogWaiting(logger);
                }

                await Task.Delay(FileRetry, cancellationToken);
            }
        }
    }

    private sealed class PostgresLock(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await using (connection)
            {
                await ScalarAsync<bool>(connection, "SELECT pg_advisory_unlock(@key)", CancellationToken.None);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Another server is running the start-up step on this database (migrations, roles, reference data); this server waits for it to finish.")]
    private static partial void LogWaiting(ILogger logger);
}
