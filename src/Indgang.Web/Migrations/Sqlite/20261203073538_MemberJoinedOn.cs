using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Indgang.Web.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            // The members added to a household so far (decision 0013): nothing but the audit log tells them from those who
            // came with it. The day each was added (MemberAdded, 2250) is the day their tasks were dated from then, and the
            // best estimate of their own arrival there is; their day 0 stays marked as an estimate until their CPR
            // registration is recorded. One added on or before the household's arrival came with it, as the rest (null).
            // The time is stored as DateTimeOffsetToBinaryConverter writes it (UTC ticks / 1000, shifted 11 bits left), read
            // here as a Julian day from 1 January of year 1, and taken in local time: a SQLite database's is the application's.
            migrationBuilder.Sql("""
                UPDATE "Persons" SET "JoinedOn" = (
                    SELECT date(1721425.5 + (MIN(a."OccurredAt") >> 11) / 864000000.0, 'localtime')
                    FROM "AuditEntries" a
                    WHERE a."Action" = 2250 AND a."SubjectPersonId" = "Persons"."Id")
                WHERE EXISTS (SELECT 1 FROM "AuditEntries" a WHERE a."Action" = 2250 AND a."SubjectPersonId" = "Persons"."Id");
                UPDATE "Persons" SET "JoinedOn" = NULL
                WHERE "JoinedOn" <= (SELECT COALESCE(h."ArrivedOn", h."ExpectedArrival") FROM "Households" h WHERE h."Id" = "Persons"."HouseholdId");
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
