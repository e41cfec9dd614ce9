using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Indgang.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MoveOutTasks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "OccupancyId",
                table: "Tasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_OccupancyId",
                table: "Tasks",
                column: "OccupancyId");

            migrationBuilder.AddForeignKey(
                name: "FK_Tasks_Occupancies_OccupancyId",
                table: "Tasks",
                column: "OccupancyId",
                principalTable: "Occupancies",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            // A matrix kept before these task types came gets Allerød's owners for them (the tasks fall back to those
            // owners anyway), so the administrator's page shows who owns them: the end of a lease (15) and the keys
            // handed back (16) go to Sekretariatet, the move-out inspection (17) to Teknik og drift. A database with no
            // matrix kept yet is left without one.
            migrationBuilder.Sql("""
                INSERT INTO "Responsibilities" ("TaskType", "DepartmentId")
                SELECT t."TaskType", d."Id"
                FROM (SELECT 15 AS "TaskType", 'sekretariatet' AS "Code" UNION ALL SELECT 16, 'sekretariatet' UNION ALL SELECT 17, 'teknik-drift') AS t
                JOIN "Departments" AS d ON lower(d."Code") = t."Code"
                WHERE EXISTS (SELECT 1 FROM "Responsibilities")
                  AND NOT EXISTS (SELECT 1 FROM "Responsibilities" AS r WHERE r."TaskType" = t."TaskType");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DELETE FROM "Responsibilities" WHERE "TaskType" IN (15, 16, 17);""");

            migrationBuilder.DropForeignKey(
                name: "FK_Tasks_Occupancies_OccupancyId",
                table: "Tasks");

            migrationBuilder.DropIndex(
                name: "IX_Tasks_OccupancyId",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "OccupancyId",
                table: "Tasks");
        }
    }
}
