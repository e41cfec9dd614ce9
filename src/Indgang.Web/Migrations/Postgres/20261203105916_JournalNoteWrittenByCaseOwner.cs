using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Indgang.Web.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class JournalNoteWrittenByCaseOwner : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "WrittenByCaseOwner",
                table: "JournalNotes",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // The notes written so far: by a case owner if their author is a coordinator now, the best there is to know
            // (decision 0014). A note of a coordinator who has since lost the role is read as the department's, as until now.
            migrationBuilder.Sql("""
                UPDATE "JournalNotes" SET "WrittenByCaseOwner" = TRUE
                WHERE EXISTS (SELECT 1 FROM "AspNetUserRoles" ur JOIN "AspNetRoles" r ON r."Id" = ur."RoleId"
                              WHERE ur."UserId" = "JournalNotes"."AuthorUserId" AND r."Name" = 'Coordinator');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "WrittenByCaseOwner",
                table: "JournalNotes");
        }
    }
}
