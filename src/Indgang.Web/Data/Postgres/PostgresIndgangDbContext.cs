using Indgang.Domain.Housing;
using Indgang.Domain.Municipalities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;

namespace Indgang.Web.Data.Postgres;

public sealed class PostgresIndgangDbContext(DbContextOptions<PostgresIndgangDbContext> options) : IndgangDbContext(options)
{
    /// <summary>ICU's root collation, which PostgreSQL has whatever locale the database was created with.</summary>
    private const string UnicodeCollation = "und-x-icu";

    /// <summary>
    /// ICU's root collation at strength 2 (ks-level2): letters and accents count, case does not, for every letter.
    /// Nondeterministic, so that "Pavillon D" and "pavillon d" are equal under it.
    /// </summary>
    public const string CaseInsensitive = "indgang_case_insensitive";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // lower() under an ICU collation folds every letter; under the database's own it may fold only A–Z.
        builder.HasDbFunction(typeof(TextSearch).GetMethod(nameof(TextSearch.Fold))!)
            .HasTranslation(args => new SqlFunctionExpression(
                "lower", [new CollateExpression(args[0], UnicodeCollation)], nullable: true, argumentsPropagateNullability: [true], typeof(string), args[0].TypeMapping));

        // Site names, unit labels, department names and town names are unique without regard to case: the unique indexes compare under a case-blind
        // collation. The columns keep the database's own, so LIKE (which PostgreSQL before 18 refuses on a
        // nondeterministic collation), ordering and equality in queries stay as they were
        // (docs/decisions/0009-case-insensitive-names.md).
        builder.HasCollation(CaseInsensitive, locale: "und-u-ks-level2", provider: "icu", deterministic: false);
        builder.Entity<HousingSite>().HasIndex(s => s.Name).UseCollation(CaseInsensitive);
        builder.Entity<HousingUnit>().HasIndex(u => new { u.SiteId, u.Label }).UseCollation(null!, CaseInsensitive); // none for the uuid
        builder.Entity<Department>().HasIndex(d => d.Name).UseCollation(CaseInsensitive);
        builder.Entity<Town>().HasIndex(t => t.Name).UseCollation(CaseInsensitive);
    }
}
