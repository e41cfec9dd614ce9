using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;

namespace Indgang.Web.Data.Postgres;

public sealed class PostgresIndgangDbContext(DbContextOptions<PostgresIndgangDbContext> options) : IndgangDbContext(options)
{
    /// <summary>ICU's root collation, which PostgreSQL has whatever locale the database was created with.</summary>
    private const string UnicodeCollation = "und-x-icu";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // lower() under an ICU collation folds every letter; under the database's own it may fold only A–Z.
        builder.HasDbFunction(typeof(TextSearch).GetMethod(nameof(TextSearch.Fold))!)
            .HasTranslation(args => new SqlFunctionExpression(
                "lower", [new CollateExpression(args[0], UnicodeCollation)], nullable: true, argumentsPropagateNullability: [true], typeof(string), args[0].TypeMapping));
    }
}
