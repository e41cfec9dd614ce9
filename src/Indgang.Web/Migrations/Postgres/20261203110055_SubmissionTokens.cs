using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Indgang.Web.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SubmissionTokens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "SubmissionToken",
                table: "HousingRegistrations",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SubmissionToken",
                table: "HousingOffers",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SubmissionToken",
                table: "Households",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_HousingRegistrations_SubmissionToken",
                table: "HousingRegistrations",
                column: "SubmissionToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HousingOffers_SubmissionToken",
                table: "HousingOffers",
                column: "SubmissionToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Households_SubmissionToken",
                table: "Households",
                column: "SubmissionToken",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_HousingRegistrations_SubmissionToken",
                table: "HousingRegistrations");

            migrationBuilder.DropIndex(
                name: "IX_HousingOffers_SubmissionToken",
                table: "HousingOffers");

            migrationBuilder.DropIndex(
                name: "IX_Households_SubmissionToken",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "SubmissionToken",
                table: "HousingRegistrations");

            migrationBuilder.DropColumn(
                name: "SubmissionToken",
                table: "HousingOffers");

            migrationBuilder.DropColumn(
                name: "SubmissionToken",
                table: "Households");
        }
    }
}
