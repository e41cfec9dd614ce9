using Indgang.Web.Data.Postgres;
using Indgang.Web.Data.Sqlite;
using Indgang.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Indgang.Web.Data;

internal static partial class DataServiceExtensions
{
    /// <summary>
    /// SQLite in the data folder (./data under the content root unless Indgang:DataDirectory says
    /// otherwise) needs no set-up; PostgreSQL when Database:Provider is Postgres.
    /// <para>
    /// A query that loads several collections of a row (a household with its members and its relations, the municipality
    /// with its departments and towns) is one query, as EF Core does by default: they are a handful of rows each, where a
    /// query per collection would cost a round trip more. Said here, EF Core no longer warns of it on every start.
    /// </para>
    /// </summary>
    public static IHostApplicationBuilder AddIndgangData(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var services = builder.Services;
        if (options.Provider == DatabaseProvider.Postgres)
        {
            var connectionString = builder.Configuration.GetConnectionString("Postgres");
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Postgres is not set.");
            }

            services.AddDbContext<IndgangDbContext, PostgresIndgangDbContext>(o =>
                StrictOutsideProduction(QuietDatabaseErrors(o.UseNpgsql(connectionString, p => p.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery))), builder.Environment));
        }
        else
        {
            // Only where: the folder is made by the start-up step (DatabaseInitializer), so that a start refused for a
            // setting read after this one leaves nothing behind.
            var dataDirectory = DataDirectoryPath(builder.Configuration, builder.Environment);
            services.AddDbContext<IndgangDbContext, SqliteIndgangDbContext>(o =>
                StrictOutsideProduction(QuietDatabaseErrors(o.UseSqlite($"Data Source={Path.Combine(dataDirectory, "indgang.db")}", s => s.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery))), builder.Environment));
        }

        services.AddHostedService<DatabaseInitializer>();
        return builder;
    }

    /// <summary>
    /// Says at start, when hardened (<see cref="TransportSecurity.IsHardened"/>), that the database is SQLite and where
    /// its file is: a server started without Database:Provider (or with Postgres misspelt in another source) quietly
    /// kept its data in ./data beside the application, where a new release or a cleaned folder could take it.
    /// </summary>
    public static WebApplication WarnIfSqlite(this WebApplication app)
    {
        if (app.Environment.IsHardened())
        {
            using var scope = app.Services.CreateScope();
            var database = scope.ServiceProvider.GetRequiredService<IndgangDbContext>().Database;
            if (database.IsSqlite())
            {
                LogSqlite(app.Logger, database.GetDbConnection().DataSource);
            }
        }

        return app;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database is SQLite, the file {Path} (Database:Provider is not Postgres). For production set Database:Provider=Postgres and ConnectionStrings:Postgres; with SQLite, keep Indgang:DataDirectory outside the application's folder and back the file up with sqlite3 .backup.")]
    private static partial void LogSqlite(ILogger logger, string path);

    /// <summary>
    /// Outside Production, a query EF Core warns about — one whose answer depends on the order the database happens to
    /// return rows in — fails at once, so that the tests find it; in Production it is only logged.
    /// </summary>
    private static void StrictOutsideProduction(DbContextOptionsBuilder options, IHostEnvironment environment)
    {
        if (!environment.IsProduction())
        {
            options.ConfigureWarnings(w => w.Throw(
                CoreEventId.FirstWithoutOrderByAndFilterWarning,
                CoreEventId.RowLimitingOperationWithoutOrderByWarning,
                CoreEventId.DistinctAfterOrderByWithoutRowLimitingOperatorWarning));
        }
    }

    /// <summary>
    /// EF Core's own lines for a command, connection, query, save or transaction that failed are written at Information,
    /// not Error: the exception goes on to whoever handles it, and one that nobody handles is logged once, as an error with
    /// the request's trace id, by the exception handler. With the database down, every request wrote three or four error
    /// lines with stack traces (found by the operator review), and a refusal the app handles itself (a unit taken in the
    /// same second) wrote an error nobody had to act on. To see the failed SQL, set
    /// Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command to Information.
    /// </summary>
    private static DbContextOptionsBuilder QuietDatabaseErrors(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(w => w.Log(
            (RelationalEventId.CommandError, LogLevel.Information),
            (RelationalEventId.ConnectionError, LogLevel.Information),
            (RelationalEventId.TransactionError, LogLevel.Information),
            (CoreEventId.QueryIterationFailed, LogLevel.Information),
            (CoreEventId.SaveChangesFailed, LogLevel.Information)));

    /// <summary>The setting that names the data folder (the SQLite file, and the audit anchors unless set apart).</summary>
    public const string DataDirectoryKey = "Indgang:DataDirectory";

    /// <summary>The data folder (Indgang:DataDirectory, or ./data under the content root), created if missing (<see cref="CreatePrivateDirectory"/>).</summary>
    public static string DataDirectory(IConfiguration configuration, IHostEnvironment environment)
    {
        var directory = DataDirectoryPath(configuration, environment);
        CreatePrivateDirectory(directory);
        return directory;
    }

    /// <summary>
    /// A folder of the application's data made, if missing, for the application's own user alone (on Linux mode 0700): the
    /// SQLite file in it holds CPR numbers, and the files beside it the audit chain's key and anchors. Made with the
    /// process's default mode, it was readable by every user of the machine (0755, the file 0644). A folder that exists
    /// is left as the operator made it.
    /// </summary>
    public static void CreatePrivateDirectory(string path, string setting = DataDirectoryKey)
    {
        try
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(path);
            }
            else
            {
                Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Said with the setting that names the folder: .NET's own message (»Access to the path … is denied«) did not.
            throw new InvalidOperationException($"{setting}: the folder {path} cannot be made or used: {e.Message}", e);
        }
    }

    /// <summary>Where the data folder is, without making it.</summary>
    public static string DataDirectoryPath(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[DataDirectoryKey];
        return string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(environment.ContentRootPath, "data")
            : Path.GetFullPath(configured, environment.ContentRootPath);
    }
}
