using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Indgang.Web.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OfferVersionAndOneAcceptedPerHousehold : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "HousingOffers",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            // The race this index closes was open before it: a household may hold two accepted offers. All but the one with
            // the latest move are open again (as an acceptance that fell through, HousingOffer.Reopen), for the coordinator
            // to answer, so that the index can be made.
            migrationBuilder.Sql("""
                UPDATE "HousingOffers" SET "Status" = 1, "MoveDate" = NULL
                WHERE "Status" = 2 AND EXISTS (
                    SELECT 1 FROM "HousingOffers" o
                    WHERE o."HouseholdId" = "HousingOffers"."HouseholdId" AND o."Status" = 2
                      AND (o."MoveDate" > "HousingOffers"."MoveDate" OR (o."MoveDate" = "HousingOffers"."MoveDate" AND o."Id" > "HousingOffers"."Id")));
                """);

            migrationBuilder.CreateIndex(
                name: "IX_HousingOffers_OneAcceptedPerHousehold",
                table: "HousingOffers",
                column: "HouseholdId",
                unique: true,
                filter: "\"Status\" = 2");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_HousingOffers_OneAcceptedPerHousehold",
                table: "HousingOffers");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "HousingOffers");
        }
    }
}
