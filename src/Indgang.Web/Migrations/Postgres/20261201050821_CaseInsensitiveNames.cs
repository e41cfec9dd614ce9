using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Indgang.Web.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CaseInsensitiveNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_HousingUnits_SiteId_Label",
                table: "HousingUnits");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:CollationDefinition:indgang_case_insensitive", "und-u-ks-level2,und-u-ks-level2,icu,False");

            // Labels on a site and site names that differ only in case, saved before the indexes disregarded it: the
            // first in binary order (capitals first) keeps its own, the others get " (dublet 2)", " (dublet 3)" … within
            // the column's length, and a new version, so that a form opened on them before is told they changed. (No
            // row says which was made first.)
            migrationBuilder.Sql(Renumber("HousingUnits", "Label", 100, "\"SiteId\", "));
            migrationBuilder.Sql(Renumber("HousingSites", "Name", 200, ""));

            migrationBuilder.CreateIndex(
                name: "IX_HousingUnits_SiteId_Label",
                table: "HousingUnits",
                columns: new[] { "SiteId", "Label" },
                unique: true)
                .Annotation("Relational:Collation", new[] { null, "indgang_case_insensitive" });

            migrationBuilder.CreateIndex(
                name: "IX_HousingSites_Name",
                table: "HousingSites",
                column: "Name",
                unique: true)
                .Annotation("Relational:Collation", new[] { "indgang_case_insensitive" });
        }

        private static string Renumber(string table, string column, int length, string partitionFirst) => $"""
            UPDATE "{table}" AS t SET
                "{column}" = left(t."{column}", {length} - length(' (dublet ' || d."Number" || ')')) || ' (dublet ' || d."Number" || ')',
                "Version" = gen_random_uuid()
            FROM (SELECT "Id", row_number() OVER (PARTITION BY {partitionFirst}"{column}" COLLATE indgang_case_insensitive ORDER BY "{column}" COLLATE "C", "Id") AS "Number" FROM "{table}") AS d
            WHERE d."Id" = t."Id" AND d."Number" > 1;
            """;

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_HousingUnits_SiteId_Label",
                table: "HousingUnits");

            migrationBuilder.DropIndex(
                name: "IX_HousingSites_Name",
                table: "HousingSites");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:CollationDefinition:indgang_case_insensitive", "und-u-ks-level2,und-u-ks-level2,icu,False");

            migrationBuilder.CreateIndex(
                name: "IX_HousingUnits_SiteId_Label",
                table: "HousingUnits",
                columns: new[] { "SiteId", "Label" },
                unique: true);
        }
    }
}
