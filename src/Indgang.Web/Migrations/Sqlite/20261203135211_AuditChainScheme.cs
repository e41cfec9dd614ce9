using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Indgang.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditChainScheme : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The rows there are were hashed without a key: they are marked plain SHA-256 (1) and kept as they are, since
            // rehashing them with the key would also seal any change made to them. Every new row is written keyed (2).
            migrationBuilder.AddColumn<int>(
                name: "ChainScheme",
                table: "AuditEntries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // SQLite's own DROP COLUMN, not EF Core's rebuild of the table: the rebuild would lose the index on an expression
            // that the model cannot hold (migration AuditHouseholdIndex), and SQL written here runs before a rebuild.
            migrationBuilder.Sql("""ALTER TABLE "AuditEntries" DROP COLUMN "ChainScheme";""");
        }
    }
}
