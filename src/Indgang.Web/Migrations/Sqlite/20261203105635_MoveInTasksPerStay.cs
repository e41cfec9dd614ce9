using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Indgang.Web.Migrations.Sqlite
{
    /// <summary>
    /// Move-in tasks (lease 6, keys 7, house rules 9) belong to their stay, as move-out tasks do; a stay removed when its
    /// move-in is called off leaves its tasks untied (SET NULL). The open move-in tasks made before are tied to the
    /// household's stay when it has one only, or else to the one stay it moved into on the task's due date (a move-in
    /// dated its tasks so). What fits neither (several stays, none or two moved into on that day) stays untied: no later
    /// move-in takes it over, and no call-off closes it; its department closes it as before.
    /// </summary>
    public partial class MoveInTasksPerStay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Tasks_Occupancies_OccupancyId",
                table: "Tasks");

            migrationBuilder.AddForeignKey(
                name: "FK_Tasks_Occupancies_OccupancyId",
                table: "Tasks",
                column: "OccupancyId",
                principalTable: "Occupancies",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.Sql("""
                UPDATE "Tasks" SET "OccupancyId" = (
                    SELECT o."Id" FROM "Occupancies" o
                    WHERE o."HouseholdId" = "Tasks"."HouseholdId"
                      AND ((SELECT COUNT(*) FROM "Occupancies" a WHERE a."HouseholdId" = "Tasks"."HouseholdId") = 1 OR o."MovedInOn" = "Tasks"."DueDate"))
                WHERE "OccupancyId" IS NULL AND "Status" IN (1, 2) AND "Type" IN (6, 7, 9)
                  AND (SELECT COUNT(*) FROM "Occupancies" o
                       WHERE o."HouseholdId" = "Tasks"."HouseholdId"
                         AND ((SELECT COUNT(*) FROM "Occupancies" a WHERE a."HouseholdId" = "Tasks"."HouseholdId") = 1 OR o."MovedInOn" = "Tasks"."DueDate")) = 1;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Before, a task tied to a stay was one of its move out's.
            migrationBuilder.Sql("""UPDATE "Tasks" SET "OccupancyId" = NULL WHERE "Type" IN (6, 7, 9);""");

            migrationBuilder.DropForeignKey(
                name: "FK_Tasks_Occupancies_OccupancyId",
                table: "Tasks");

            migrationBuilder.AddForeignKey(
                name: "FK_Tasks_Occupancies_OccupancyId",
                table: "Tasks",
                column: "OccupancyId",
                principalTable: "Occupancies",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
