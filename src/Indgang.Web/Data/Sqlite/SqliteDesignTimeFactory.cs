using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Indgang.Web.Data.Sqlite;

/// <summary>Lets `dotnet ef` build the SQLite model without starting the application.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteIndgangDbContext>
{
    public SqliteIndgangDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteIndgangDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
