using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Indgang.Web.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ConcurrencyVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "Persons",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "IntegrationContracts",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            // Every existing person and contract gets a version of its own (as for households): with the empty Guid, a
            // form posted without its version would pass the check on a record never changed.
            migrationBuilder.Sql("""UPDATE "Persons" SET "Version" = gen_random_uuid();""");
            migrationBuilder.Sql("""UPDATE "IntegrationContracts" SET "Version" = gen_random_uuid();""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Version",
                table: "Persons");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "IntegrationContracts");
        }
    }
}
