using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Indgang.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseInsensitiveNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Labels on a site and site names that differ only in case, saved before the indexes disregarded it: the
            // first in binary order (capitals first) keeps its own, the others get " (dublet 2)", " (dublet 3)" … within
            // the column's length, and a new version, so that a form opened on them before is told they changed. (No
            // row says which was made first.)
            migrationBuilder.Sql(Renumber("HousingUnits", "Label", 100, "\"SiteId\", "));
            migrationBuilder.Sql(Renumber("HousingSites", "Name", 200, ""));
            migrationBuilder.AlterColumn<string>(
                name: "Label",
                table: "HousingUnits",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                collation: "NOCASE",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 100);

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "HousingSites",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                collation: "NOCASE",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 200);

            migrationBuilder.CreateIndex(
                name: "IX_HousingSites_Name",
                table: "HousingSites",
                column: "Name",
                unique: true);
        }

        private static string Renumber(string table, string column, int length, string partitionFirst) => $"""
            UPDATE "{table}" SET
                "{column}" = substr("{column}", 1, {length} - length(' (dublet ' || d."Number" || ')')) || ' (dublet ' || d."Number" || ')',
                "Version" = hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6))
            FROM (SELECT "Id", row_number() OVER (PARTITION BY {partitionFirst}"{column}" COLLATE NOCASE ORDER BY "{column}" COLLATE BINARY, "Id") AS "Number" FROM "{table}") AS d
            WHERE d."Id" = "{table}"."Id" AND d."Number" > 1;
            """;

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_HousingSites_Name",
                table: "HousingSites");

            migrationBuilder.AlterColumn<string>(
                name: "Label",
                table: "HousingUnits",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 100,
                oldCollation: "NOCASE");

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "HousingSites",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 200,
                oldCollation: "NOCASE");
        }
    }
}
