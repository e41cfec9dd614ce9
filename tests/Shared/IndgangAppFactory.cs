using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Indgang.Tests.Hosting;

/// <summary>
/// The real application on a real, throwaway database: a SQLite file in a temporary folder, or —
/// when INDGANG_TEST_POSTGRES holds a server connection string — a new PostgreSQL database that is
/// dropped afterwards. The schema comes from the migrations, exactly as in production.
/// <para>
/// Migrating and seeding the demo takes most of an app's start, and the suite starts a few hundred apps: so the test
/// suite's apps start from a copy of one installation that was migrated, seeded and stopped once per test run (see
/// <see cref="SeededInstallation"/>). The copy is the database and the audit chain's key, as after a restart; each app
/// still runs the whole start-up step on it (migrations, roles, reference data, the seed's check).
/// </para>
/// </summary>
public class IndgangAppFactory : WebApplicationFactory<Program>
{
    public const string PostgresVariable = "INDGANG_TEST_POSTGRES";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "indgang-tests", Guid.NewGuid().ToString("N"));
    private readonly string? _postgresServer = Environment.GetEnvironmentVariable(PostgresVariable);
    private bool _isSeededInstallation;
    private readonly IndgangAppFactory? _firstServer;
    private readonly Lock _makingEmptyDatabase = new();
    private bool _isEmptyDatabaseMade;

    public IndgangAppFactory()
    {
    }

    /// <summary>
    /// A second server of the installation <paramref name="firstServer"/> runs, with the same audit chain key and
    /// database: on PostgreSQL the same database (as several servers behind a load balancer have), with a data folder of
    /// its own; on SQLite the same data folder, where the database file is. The first server's factory removes them.
    /// </summary>
    protected IndgangAppFactory(IndgangAppFactory firstServer)
    {
        ArgumentNullException.ThrowIfNull(firstServer);
        _firstServer = firstServer;
        PostgresDatabase = firstServer.PostgresDatabase;
        ChainKey = firstServer.ChainKey;
        if (!UsesPostgres)
        {
            _dataDirectory = firstServer._dataDirectory;
        }
    }

    /// <summary>
    /// Each app under test watches its configuration and static files for changes. With inotify, every watcher is one of
    /// the machine's 128 inotify instances per user, and the test classes' apps running side by side used them all up
    /// (an IOException from the layout's asp-append-version). Polling watchers use none; nothing here edits those files.
    /// </summary>
    static IndgangAppFactory() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");

    /// <summary>The audit chain's key this app has in Production: a new one per app.</summary>
    protected string ChainKey { get; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>The app's data folder: the SQLite file, and the audit chain's anchors (and, outside Production, its key).</summary>
    public string DataDirectory => _dataDirectory;

    public bool UsesPostgres => !string.IsNullOrWhiteSpace(_postgresServer);

    /// <summary>The name of the app's PostgreSQL database, when it runs on PostgreSQL.</summary>
    public string PostgresDatabase { get; } = "indgang_test_" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>
    /// The environment of the test suite, which the app leaves unhardened (no HTTPS-only cookies, no redirect to HTTPS)
    /// as every other but Development is hardened; the name is the app's TransportSecurity.TestSuiteEnvironment.
    /// </summary>
    public const string TestSuiteEnvironment = "IndgangTests";

    /// <summary>The ASP.NET Core environment the app runs in; demo data is seeded outside Production.</summary>
    protected virtual string EnvironmentName => TestSuiteEnvironment;

    /// <summary>
    /// Whether this app starts from a copy of the seeded installation rather than an empty database: by default in the
    /// test suite's environment, where every app seeds the same demo. A factory whose settings change what the first
    /// start writes turns it off and starts empty.
    /// </summary>
    protected virtual bool StartsFromSeededInstallation => EnvironmentName == TestSuiteEnvironment;

    /// <summary>
    /// Whether an app that starts empty on PostgreSQL finds its database made for it, empty, as the README asks an
    /// operator to make it; otherwise the app makes the database itself at its first start.
    /// </summary>
    protected virtual bool FindsItsEmptyDatabaseMade => false;

    /// <summary>
    /// PBKDF2 iterations of the test apps' password hashes. The app keeps ASP.NET Core Identity's default (100,000);
    /// at that, the seed's ten users and every test's sign-in cost more than the rest of a test. The hash format and its
    /// checks are the same.
    /// </summary>
    public const int TestPasswordIterations = 1_000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment(EnvironmentName);
        // Outside Development, a built (unpublished) app serves its static assets only with this:
        // without it MapStaticAssets answers CSS and JS with empty 200s and pages go unstyled.
        builder.UseStaticWebAssets();
        builder.UseSetting("Indgang:SeedDemoData", "true");
        builder.UseSetting("Indgang:DataDirectory", _dataDirectory);
        builder.UseSetting("Indgang:LoginAttemptsPerMinute", "10000");
        // The tests count days from this machine's clock (DateTime.Now), so the app keeps this machine's time zone here (the
        // run's, RunDay); the municipality's own (Europe/Copenhagen unless set) is tested apart (MunicipalTimeTests).
        builder.UseSetting("Indgang:TimeZone", TimeZoneInfo.Local.Id);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // As behind the municipality's proxy, where HTTPS ends on 443: a hardened app does not start without knowing how
        // HTTPS reaches it. Tests over plain HTTP are redirected there; the Browser goes over HTTPS.
        builder.UseSetting("https_port", "443");
        if (EnvironmentName == "Production")
        {
            // Production refuses to start without the audit chain's key; elsewhere the app keeps one in the data folder.
            builder.UseSetting("Indgang:Audit:ChainKey", ChainKey);
        }

        builder.ConfigureTestServices(services => services.Configure<PasswordHasherOptions>(o => o.IterationCount = TestPasswordIterations));
        // A second server starts on the first's database, as it finds it.
        if (_firstServer is null && StartsFromSeededInstallation && !_isSeededInstallation)
        {
            SeededInstallation.CopyTo(_dataDirectory, UsesPostgres ? PostgresDatabase : null);
        }
        else if (FindsItsEmptyDatabaseMade && UsesPostgres)
        {
            (_firstServer ?? this).MakeEmptyDatabase();
        }

        if (_firstServer is not null && UsesPostgres)
        {
            ShareTheFirstServersKeyFile(_firstServer);
        }

        if (UsesPostgres)
        {
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Postgres", PostgresConnectionString(PostgresDatabase));
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_isSeededInstallation)
        {
            // Kept for the copies: stopped, with no connection left open to it.
            NpgsqlConnection.ClearAllPools();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            GC.SuppressFinalize(this);
            return;
        }

        if (UsesPostgres && _firstServer is null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(PostgresConnectionString("postgres"));
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{PostgresDatabase}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }

        if (_firstServer is null || UsesPostgres)
        {
            await DeleteDataDirectoryAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// The app's temporary data folder removed. The audit anchor service may still be writing its last anchor there while
    /// the host stops, so a folder not yet empty is tried again a few times, and at worst left in the temporary folder: a
    /// folder left behind is no test's failure.
    /// </summary>
    private async Task DeleteDataDirectoryAsync()
    {
        for (var attempt = 1; Directory.Exists(_dataDirectory); attempt++)
        {
            try
            {
                Directory.Delete(_dataDirectory, recursive: true);
            }
            catch (IOException) when (attempt < 10)
            {
                await Task.Delay(200);
            }
            catch (IOException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Outside Production the audit chain's key is the file in the data folder: a second server on PostgreSQL, with a data
    /// folder of its own, gets a copy of the first's (unless the test put another there), as an operator gives every
    /// server the same key. With a key of its own it would not start on a log the first has written.
    /// </summary>
    private void ShareTheFirstServersKeyFile(IndgangAppFactory firstServer)
    {
        const string keyFile = "audit-chain.key";
        var first = Path.Combine(firstServer._dataDirectory, keyFile);
        var own = Path.Combine(_dataDirectory, keyFile);
        if (File.Exists(first) && !File.Exists(own))
        {
            Directory.CreateDirectory(_dataDirectory);
            File.Copy(first, own);
        }
    }

    /// <summary>The app's empty database made, once, before the first of the installation's servers starts on it.</summary>
    private void MakeEmptyDatabase()
    {
        lock (_makingEmptyDatabase)
        {
            if (!_isEmptyDatabaseMade)
            {
                OnServer($"CREATE DATABASE \"{PostgresDatabase}\"");
                _isEmptyDatabaseMade = true;
            }
        }
    }

    /// <summary>A statement run on the test server's maintenance database (a database made or dropped).</summary>
    private void OnServer(string sql)
    {
        using var connection = new NpgsqlConnection(PostgresConnectionString("postgres"));
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private string PostgresConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(_postgresServer) { Database = database }.ConnectionString;

    /// <summary>
    /// The installation the suite's apps start from: one app in the test suite's environment, started once per test run
    /// (migrated and seeded), then stopped; its data folder and (on PostgreSQL) its database are kept until the test
    /// process ends. Each app gets a copy: the folder's files but the audit anchors (which a new app writes for itself),
    /// and a database made from the kept one as its template.
    /// </summary>
    private static class SeededInstallation
    {
        private static readonly Lazy<IndgangAppFactory> Installed = new(Install, LazyThreadSafetyMode.ExecutionAndPublication);

        /// <summary>
        /// How PostgreSQL 15 and later copy the template: by its files, not page by page through the write-ahead log, their
        /// default. The template is small and the test server runs without fsync, so the checkpoints the file copy needs
        /// cost less than logging every page: measured on 41 copies, 6.3 s of the server's time instead of 10.3 s, and
        /// the web tests in Housing on PostgreSQL took 105 s instead of 120 s. Older servers know only the one way.
        /// </summary>
        private static readonly Lazy<string> CopyStrategy = new(() =>
        {
            using var connection = new NpgsqlConnection(Installed.Value.PostgresConnectionString("postgres"));
            connection.Open();
            return connection.PostgreSqlVersion.Major >= 15 ? " STRATEGY FILE_COPY" : "";
        }, LazyThreadSafetyMode.ExecutionAndPublication);

        public static void CopyTo(string dataDirectory, string? postgresDatabase)
        {
            var installed = Installed.Value;
            Directory.CreateDirectory(dataDirectory);
            foreach (var file in Directory.EnumerateFiles(installed.DataDirectory))
            {
                var name = Path.GetFileName(file);
                if (name != "audit-anchors.log" && !name.EndsWith(".lock", StringComparison.Ordinal))
                {
                    File.Copy(file, Path.Combine(dataDirectory, name));
                }
            }

            if (postgresDatabase is not null)
            {
                installed.OnServer($"CREATE DATABASE \"{postgresDatabase}\" TEMPLATE \"{installed.PostgresDatabase}\"{CopyStrategy.Value}");
            }
        }

        private static IndgangAppFactory Install()
        {
            var installation = new IndgangAppFactory { _isSeededInstallation = true };
            // Started and stopped off the test's synchronization context, as the host itself starts.
            Task.Run(async () =>
            {
                _ = installation.Services;
                await installation.DisposeAsync();
            }).GetAwaiter().GetResult();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Remove(installation);
            return installation;
        }

        private static void Remove(IndgangAppFactory installation)
        {
            try
            {
                if (installation.UsesPostgres)
                {
                    installation.OnServer($"DROP DATABASE IF EXISTS \"{installation.PostgresDatabase}\" WITH (FORCE)");
                }

                Directory.Delete(installation.DataDirectory, recursive: true);
            }
            catch (Exception e) when (e is IOException or NpgsqlException)
            {
                // Left behind in the temporary folder or on the test server, which CI throws away: no test's failure.
            }
        }
    }
}
