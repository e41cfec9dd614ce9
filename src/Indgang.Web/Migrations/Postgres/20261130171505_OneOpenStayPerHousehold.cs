using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Indgang.Web.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OneOpenStayPerHousehold : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The race this index closes was open before it: a household may hold two open stays. All but its latest are
            // ended on the day the next one began (days taken from the stays as they were, before any is ended), and each
            // ended stay's unit is given back what HousingUnit.MoveOut gives back: its beds and its household, and a whole
            // unit is ready for someone else from that day. A stay is ended, never one removed.
            migrationBuilder.Sql("""
                CREATE TEMP TABLE "EndedStays" AS
                    SELECT s."Id", s."UnitId", s."Beds", (
                        SELECT MIN(o."MovedInOn") FROM "Occupancies" o
                        WHERE o."HouseholdId" = s."HouseholdId" AND o."MovedOutOn" IS NULL
                          AND (o."MovedInOn" > s."MovedInOn" OR (o."MovedInOn" = s."MovedInOn" AND o."Id" > s."Id"))) AS "EndsOn"
                    FROM "Occupancies" s WHERE s."MovedOutOn" IS NULL;
                DELETE FROM "EndedStays" WHERE "EndsOn" IS NULL;
                UPDATE "HousingUnits" u SET
                    "OccupiedBeds" = GREATEST(0, u."OccupiedBeds" - (SELECT SUM(e."Beds") FROM "EndedStays" e WHERE e."UnitId" = u."Id")),
                    "OccupyingHouseholds" = GREATEST(0, u."OccupyingHouseholds" - (SELECT COUNT(*) FROM "EndedStays" e WHERE e."UnitId" = u."Id")),
                    "AvailableFrom" = CASE WHEN u."IsSharedRoom" THEN u."AvailableFrom"
                        ELSE GREATEST(u."AvailableFrom", (SELECT MAX(e."EndsOn") FROM "EndedStays" e WHERE e."UnitId" = u."Id")) END
                WHERE u."Id" IN (SELECT "UnitId" FROM "EndedStays");
                UPDATE "Occupancies" o SET "MovedOutOn" = e."EndsOn" FROM "EndedStays" e WHERE e."Id" = o."Id";
                DROP TABLE "EndedStays";
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
