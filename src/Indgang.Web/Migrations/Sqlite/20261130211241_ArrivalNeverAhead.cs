using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Indgang.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ArrivalNeverAhead : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Planned move-ins used to record the arrival on their day ahead; they set the expected arrival now. An
            // arrival stored for a day still to come becomes the expected arrival, so "arrived" always means it happened.
            migrationBuilder.Sql("""UPDATE "Households" SET "ExpectedArrival" = "ArrivedOn", "ArrivedOn" = NULL WHERE "ArrivedOn" > date('now');""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: the expected arrival is what the older code read such a day as.
        }
    }
}
