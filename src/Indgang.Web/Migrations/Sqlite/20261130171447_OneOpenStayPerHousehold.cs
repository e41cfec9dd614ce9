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
