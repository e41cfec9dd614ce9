using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Indgang.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DatedNoticeKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Notices raised before the keys named the task's due date ("due-soon:{task}", "overdue:{task}") are given the
            // date the task has now, as the deadline watch took them for until this version: a later date is told of again.
            // A key that is already there (a notice raised since under the new key) leaves the old one as it is.
            migrationBuilder.Sql("""
                UPDATE "Notifications" SET "DedupKey" = "DedupKey" || ':' || (
                    SELECT t."DueDate" FROM "Tasks" t WHERE lower(t."Id") = substr("Notifications"."DedupKey", instr("Notifications"."DedupKey", ':') + 1))
                WHERE (("DedupKey" LIKE 'due-soon:%' AND length("DedupKey") = 45) OR ("DedupKey" LIKE 'overdue:%' AND length("DedupKey") = 44))
                  AND EXISTS (SELECT 1 FROM "Tasks" t WHERE lower(t."Id") = substr("Notifications"."DedupKey", instr("Notifications"."DedupKey", ':') + 1)
                      AND NOT EXISTS (SELECT 1 FROM "Notifications" n WHERE n."DedupKey" = "Notifications"."DedupKey" || ':' || t."DueDate"));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The dated keys are what this version raises too: nothing to undo.
        }
    }
}
