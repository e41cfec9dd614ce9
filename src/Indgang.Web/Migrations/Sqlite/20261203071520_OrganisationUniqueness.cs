using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Indgang.Web.Migrations.Sqlite
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

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "Towns",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                collation: "NOCASE",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 200);

            migrationBuilder.AddColumn<int>(
                name: "Singleton",
                table: "Municipalities",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "Departments",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                collation: "NOCASE",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 200);

            migrationBuilder.CreateIndex(
                name: "IX_Towns_Name",
                table: "Towns",
                column: "Name",
                unique: true);

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
                unique: true);
        }

        private const string First = "(SELECT \"Id\" FROM \"Municipalities\" ORDER BY \"Id\" LIMIT 1)";

        private const string MergeMunicipalities = $"""
            UPDATE "Departments" SET "MunicipalityId" = {First} WHERE "MunicipalityId" <> {First};
            UPDATE "Towns" SET "MunicipalityId" = {First} WHERE "MunicipalityId" <> {First};
            DELETE FROM "Municipalities" WHERE "Id" <> {First};
            """;

        private static string Renumber(string table, int length) => $"""
            UPDATE "{table}" SET "Name" = substr("Name", 1, {length} - length(' (dublet ' || d."Number" || ')')) || ' (dublet ' || d."Number" || ')'
            FROM (SELECT "Id", row_number() OVER (PARTITION BY "Name" COLLATE NOCASE ORDER BY "Name" COLLATE BINARY, "Id") AS "Number" FROM "{table}") AS d
            WHERE d."Id" = "{table}"."Id" AND d."Number" > 1;
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

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "Towns",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 200,
                oldCollation: "NOCASE");

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "Departments",
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
