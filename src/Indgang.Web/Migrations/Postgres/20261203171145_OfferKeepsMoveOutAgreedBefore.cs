using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Indgang.Web.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OfferKeepsMoveOutAgreedBefore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DestinationAgreedBefore",
                table: "HousingOffers",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "MoveOutAgreedBefore",
                table: "HousingOffers",
                type: "date",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DestinationAgreedBefore",
                table: "HousingOffers");

            migrationBuilder.DropColumn(
                name: "MoveOutAgreedBefore",
                table: "HousingOffers");
        }
    }
}
