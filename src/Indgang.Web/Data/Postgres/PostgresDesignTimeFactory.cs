using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Indgang.Web.Data.Postgres;

/// <summary>Lets `dotnet ef` build the PostgreSQL model without a server or the application.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresIndgangDbContext>
{
    public PostgresIndgangDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresIndgangDbContext>().UseNpgsql("Host=127.0.0.1;Database=indgang_design").Options);
}
