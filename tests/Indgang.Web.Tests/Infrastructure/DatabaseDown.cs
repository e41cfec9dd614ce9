using Indgang.Tests.Hosting;

namespace Indgang.Web.Tests.Infrastructure;

/// <summary>
/// Takes a test server's SQLite database down as a failed disk would: its pooled connections closed and its file no
/// database any more. SQLite only: PostgreSQL's database is not a file the test can spoil.
/// </summary>
public static class DatabaseDown
{
    public static async Task SpoilSqliteAsync(IndgangAppFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await File.WriteAllTextAsync(Path.Combine(factory.DataDirectory, "indgang.db"), "no database here, as after a failed disk");
    }
}
