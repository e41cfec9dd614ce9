using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Indgang.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MoveOutDestination : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Destination",
                table: "Occupancies",
                type: "INTEGER",
                nullable: true);

            // Stays ended before it was asked: those ended by an accepted offer of a permanent home went to a home of
            // their own (OwnHome = 2); the others are not known, and stay unsaid.
            migrationBuilder.Sql("""
                UPDATE "Occupancies" SET "Destination" = 2
                WHERE "MovedOutOn" IS NOT NULL AND "IsTemporary" AND EXISTS (
                    SELECT 1 FROM "HousingOffers" AS f
                    WHERE f."HouseholdId" = "Occupancies"."HouseholdId" AND f."Status" = 2 AND f."MoveDate" = "Occupancies"."MovedOutOn");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Destination",
                table: "Occupancies");
        }
    }
}
