using Indgang.Web.Data.Postgres;
using Indgang.Web.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Operations;

/// <summary>Each provider's migrations must describe the current model exactly (no pending model changes).</summary>
public sealed class ModelAndMigrationTests
{
    [Fact]
    public void Sqlite_HasNoPendingModelChanges()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --project src/Indgang.Web --context SqliteIndgangDbContext --output-dir Migrations/Sqlite");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void Postgres_HasNoPendingModelChanges()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --project src/Indgang.Web --context PostgresIndgangDbContext --output-dir Migrations/Postgres");
        Assert.NotEmpty(db.Database.GetMigrations());
    }
}
