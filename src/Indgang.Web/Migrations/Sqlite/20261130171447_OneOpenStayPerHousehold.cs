using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Indgang.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OneOpenStayPerHousehold : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The race this index closes was open before it: a household may hold two open stays. All but its latest are
            // ended on the day the next one began, so that the index can be made (a stay ended, never one removed).
            migrationBuilder.Sql("""
                UPDATE "Occupancies" SET "MovedOutOn" = (
                    SELECT MIN(o."MovedInOn") FROM "Occupancies" o
                    WHERE o."HouseholdId" = "Occupancies"."HouseholdId" AND o."MovedOutOn" IS NULL
                      AND (o."MovedInOn" > "Occupancies"."MovedInOn" OR (o."MovedInOn" = "Occupancies"."MovedInOn" AND o."Id" > "Occupancies"."Id")))
                WHERE "MovedOutOn" IS NULL AND EXISTS (
                    SELECT 1 FROM "Occupancies" o
                    WHERE o."HouseholdId" = "Occupancies"."HouseholdId" AND o."MovedOutOn" IS NULL
                      AND (o."MovedInOn" > "Occupancies"."MovedInOn" OR (o."MovedInOn" = "Occupancies"."MovedInOn" AND o."Id" > "Occupancies"."Id")));
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Occupancies_OneOpenStayPerHousehold",
                table: "Occupancies",
                column: "HouseholdId",
                unique: true,
                filter: "\"MovedOutOn\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Occupancies_OneOpenStayPerHousehold",
                table: "Occupancies");
        }
    }
}
