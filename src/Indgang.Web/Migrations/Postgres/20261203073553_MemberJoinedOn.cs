using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Indgang.Web.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MemberJoinedOn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "JoinedOn",
                table: "Persons",
                type: "date",
                nullable: true);

            // The members added to a household so far (decision 0013): nothing but the audit log tells them from those who
            // came with it. The day each was added (MemberAdded, 2250), in Danish time, is the day their tasks were dated
            // from then, and the best estimate of their own arrival there is; their day 0 stays marked as an estimate until
            // their CPR registration is recorded. One added on or before the household's arrival came with it, as the rest
            // (null).
            migrationBuilder.Sql("""
                UPDATE "Persons" p SET "JoinedOn" = added."On"
                FROM (SELECT a."SubjectPersonId" AS "PersonId", MIN((a."OccurredAt" AT TIME ZONE 'Europe/Copenhagen')::date) AS "On"
                      FROM "AuditEntries" a
                      WHERE a."Action" = 2250 AND a."SubjectPersonId" IS NOT NULL
                      GROUP BY a."SubjectPersonId") added,
                     "Households" h
                WHERE added."PersonId" = p."Id" AND h."Id" = p."HouseholdId"
                  AND (COALESCE(h."ArrivedOn", h."ExpectedArrival") IS NULL OR added."On" > COALESCE(h."ArrivedOn", h."ExpectedArrival"));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "JoinedOn",
                table: "Persons");
        }
    }
}
