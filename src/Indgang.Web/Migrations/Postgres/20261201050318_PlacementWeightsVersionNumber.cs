using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Indgang.Web.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PlacementWeightsVersionNumber : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "VersionNumber",
                table: "PlacementWeights",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // The versions saved so far numbered 1, 2, … in the order they were saved (the newest is in force).
            migrationBuilder.Sql("""
                UPDATE "PlacementWeights" SET "VersionNumber" = (
                    SELECT COUNT(*) FROM "PlacementWeights" AS earlier
                    WHERE earlier."ChangedAt" < "PlacementWeights"."ChangedAt"
                       OR (earlier."ChangedAt" = "PlacementWeights"."ChangedAt" AND earlier."Id" <= "PlacementWeights"."Id"));
                """);

            migrationBuilder.CreateIndex(
                name: "IX_PlacementWeights_VersionNumber",
                table: "PlacementWeights",
                column: "VersionNumber",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PlacementWeights_VersionNumber",
                table: "PlacementWeights");

            migrationBuilder.DropColumn(
                name: "VersionNumber",
                table: "PlacementWeights");
        }
    }
}
