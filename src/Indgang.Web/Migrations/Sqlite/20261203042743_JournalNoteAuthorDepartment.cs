using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Indgang.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class JournalNoteAuthorDepartment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "AuthorDepartmentId",
                table: "JournalNotes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_JournalNotes_AuthorDepartmentId",
                table: "JournalNotes",
                column: "AuthorDepartmentId");

            migrationBuilder.AddForeignKey(
                name: "FK_JournalNotes_Departments_AuthorDepartmentId",
                table: "JournalNotes",
                column: "AuthorDepartmentId",
                principalTable: "Departments",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            // The notes written so far: their author's department now, the best there is to know (decision 0012).
            migrationBuilder.Sql("""
                UPDATE "JournalNotes" SET "AuthorDepartmentId" =
                    (SELECT u."DepartmentId" FROM "AspNetUsers" u WHERE u."Id" = "JournalNotes"."AuthorUserId");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_JournalNotes_Departments_AuthorDepartmentId",
                table: "JournalNotes");

            migrationBuilder.DropIndex(
                name: "IX_JournalNotes_AuthorDepartmentId",
                table: "JournalNotes");

            migrationBuilder.DropColumn(
                name: "AuthorDepartmentId",
                table: "JournalNotes");
        }
    }
}
