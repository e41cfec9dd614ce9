using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Indgang.Web.Migrations.Postgres
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
                UPDATE "Notifications" n SET "DedupKey" = n."DedupKey" || ':' || to_char(t."DueDate", 'YYYY-MM-DD')
                FROM "Tasks" t
                WHERE ((n."DedupKey" LIKE 'due-soon:%' AND length(n."DedupKey") = 45) OR (n."DedupKey" LIKE 'overdue:%' AND length(n."DedupKey") = 44))
                  AND t."Id"::text = split_part(n."DedupKey", ':', 2)
                  AND NOT EXISTS (SELECT 1 FROM "Notifications" o WHERE o."DedupKey" = n."DedupKey" || ':' || to_char(t."DueDate", 'YYYY-MM-DD'));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The dated keys are what this version raises too: nothing to undo.
        }
    }
}
