using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Indgang.Tests.Hosting;

/// <summary>
/// The real application on a real, throwaway database: a SQLite file in a temporary folder, or —
/// when INDGANG_TEST_POSTGRES holds a server connection string — a new PostgreSQL database that is
/// dropped afterwards. The schema comes from the migrations, exactly as in production.
/// </summary>
public class IndgangAppFactory : WebApplicationFactory<Program>
{
    public const string PostgresVariable = "INDGANG_TEST_POSTGRES";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "indgang-tests", Guid.NewGuid().ToString("N"));
    private readonly string? _postgresServer = Environment.GetEnvironmentVariable(PostgresVariable);
    private readonly string _postgresDatabase = "indgang_test_" + Guid.NewGuid().ToString("N")[..16];

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

    /// <summary>
    /// The environment of the test suite, which the app leaves unhardened (no HTTPS-only cookies, no redirect to HTTPS)
    /// as every other but Development is hardened; the name is the app's TransportSecurity.TestSuiteEnvironment.
    /// </summary>
    public const string TestSuiteEnvironment = "IndgangTests";

    /// <summary>The ASP.NET Core environment the app runs in; demo data is seeded outside Production.</summary>
    protected virtual string EnvironmentName => TestSuiteEnvironment;

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
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // As behind the municipality's proxy, where HTTPS ends on 443: a hardened app does not start without knowing how
        // HTTPS reaches it. Tests over plain HTTP are redirected there; the Browser goes over HTTPS.
        builder.UseSetting("https_port", "443");
        if (EnvironmentName == "Production")
        {
            // Production refuses to start without the audit chain's key; elsewhere the app keeps one in the data folder.
            builder.UseSetting("Indgang:Audit:ChainKey", ChainKey);
        }

        if (UsesPostgres)
        {
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Postgres", PostgresConnectionString(_postgresDatabase));
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (UsesPostgres)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(PostgresConnectionString("postgres"));
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }

        await DeleteDataDirectoryAsync();
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

    private string PostgresConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(_postgresServer) { Database = database }.ConnectionString;
}
