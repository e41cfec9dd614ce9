using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Indgang.Web.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OrganisationUniqueness : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // An installation serves one municipality. Should two have been saved (two administrators creating it at the
            // same moment), the first by key, which every page has shown, keeps the departments and towns of the others,
            // and the others go. Then department names and town names that differ only in case: the first in binary
            // order (capitals first) keeps its own, the others get " (dublet 2)", " (dublet 3)" … within the column's
            // length. (No row says which was made first.)
            migrationBuilder.Sql(MergeMunicipalities);
            migrationBuilder.Sql(Renumber("Departments", 200));
            migrationBuilder.Sql(Renumber("Towns", 200));

            migrationBuilder.AddColumn<int>(
                name: "Singleton",
                table: "Municipalities",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateIndex(
                name: "IX_Towns_Name",
                table: "Towns",
                column: "Name",
                unique: true)
                .Annotation("Relational:Collation", new[] { "indgang_case_insensitive" });

            migrationBuilder.CreateIndex(
                name: "IX_Municipalities_Singleton",
                table: "Municipalities",
                column: "Singleton",
                unique: true);

            migrationBuilder.AddCheckConstraint(
                name: "CK_Municipalities_Singleton",
                table: "Municipalities",
                sql: "\"Singleton\" = 1");

            migrationBuilder.CreateIndex(
                name: "IX_Departments_Name",
                table: "Departments",
                column: "Name",
                unique: true)
                .Annotation("Relational:Collation", new[] { "indgang_case_insensitive" });
        }

        private const string First = "(SELECT \"Id\" FROM \"Municipalities\" ORDER BY \"Id\" LIMIT 1)";

        private const string MergeMunicipalities = $"""
            UPDATE "Departments" SET "MunicipalityId" = {First} WHERE "MunicipalityId" <> {First};
            UPDATE "Towns" SET "MunicipalityId" = {First} WHERE "MunicipalityId" <> {First};
            DELETE FROM "Municipalities" WHERE "Id" <> {First};
            """;

        private static string Renumber(string table, int length) => $"""
            UPDATE "{table}" AS t SET "Name" = left(t."Name", {length} - length(' (dublet ' || d."Number" || ')')) || ' (dublet ' || d."Number" || ')'
            FROM (SELECT "Id", row_number() OVER (PARTITION BY "Name" COLLATE indgang_case_insensitive ORDER BY "Name" COLLATE "C", "Id") AS "Number" FROM "{table}") AS d
            WHERE d."Id" = t."Id" AND d."Number" > 1;
            """;

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Towns_Name",
                table: "Towns");

            migrationBuilder.DropIndex(
                name: "IX_Municipalities_Singleton",
                table: "Municipalities");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Municipalities_Singleton",
                table: "Municipalities");

            migrationBuilder.DropIndex(
                name: "IX_Departments_Name",
                table: "Departments");

            migrationBuilder.DropColumn(
                name: "Singleton",
                table: "Municipalities");
        }
    }
}
