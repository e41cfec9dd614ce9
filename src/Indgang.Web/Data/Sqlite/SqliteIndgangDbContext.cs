using Indgang.Domain.Housing;
using Indgang.Domain.Municipalities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Indgang.Web.Data.Sqlite;

public sealed class SqliteIndgangDbContext(DbContextOptions<SqliteIndgangDbContext> options) : IndgangDbContext(options)
{
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        optionsBuilder.AddInterceptors(SqliteUnicodeLower.Instance);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasDbFunction(typeof(TextSearch).GetMethod(nameof(TextSearch.Fold))!).HasName(SqliteUnicodeLower.FunctionName);
        // Site, unit, department and town names compare without regard to case, so their unique indexes do too. SQLite's own NOCASE
        // folds only A–Z ("Ærø" and "ærø" differ): the pages compare every letter before saving, so only two saves at
        // the same moment that differ in the case of Æ, Ø or Å pass both. A collation of our own would fold them too,
        // but then the database could not be written without the application (docs/decisions/0009-case-insensitive-names.md).
        builder.Entity<HousingSite>().Property(s => s.Name).UseCollation(CaseInsensitive);
        builder.Entity<HousingUnit>().Property(u => u.Label).UseCollation(CaseInsensitive);
        builder.Entity<Department>().Property(d => d.Name).UseCollation(CaseInsensitive);
        builder.Entity<Town>().Property(t => t.Name).UseCollation(CaseInsensitive);
    }

    /// <summary>SQLite's built-in collation that folds A–Z.</summary>
    public const string CaseInsensitive = "NOCASE";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // SQLite cannot compare or order DateTimeOffset text; stored as UTC ticks they sort correctly.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
