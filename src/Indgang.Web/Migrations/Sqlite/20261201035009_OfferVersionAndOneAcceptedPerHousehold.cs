using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Indgang.Web.Migrations.Sqlite
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
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

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
