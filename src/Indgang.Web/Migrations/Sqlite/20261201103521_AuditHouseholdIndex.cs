using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Indgang.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditHouseholdIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A citizen's insight reads the entries about their household (AuditSearch.AboutHousehold): without a subject,
            // the details starting "Husstand {id}" (45 characters). An index on that start of those entries, instead of a
            // scan of the whole log. EF Core's model cannot express an index on an expression, so it is written here.
            // The expression as EF Core writes Substring(0, 45) for SQLite ("0 + 1"): SQLite uses an index on an expression
            // only for that expression, written alike.
            migrationBuilder.Sql("""
                CREATE INDEX "IX_AuditEntries_Household" ON "AuditEntries" (substr("Details", 0 + 1, 45)) WHERE "SubjectPersonId" IS NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_AuditEntries_Household";""");
        }
    }
}
