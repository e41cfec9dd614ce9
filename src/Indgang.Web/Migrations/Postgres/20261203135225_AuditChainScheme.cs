using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Indgang.Web.Migrations.Postgres
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
                type: "integer",
                nullable: false,
                defaultValue: 1);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ChainScheme",
                table: "AuditEntries");
        }
    }
}
