using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Indgang.Web.Migrations.Sqlite
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
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "IntegrationContracts",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            // Every existing person and contract gets a version of its own (as for households): with the empty Guid, a
            // form posted without its version would pass the check on a record never changed.
            migrationBuilder.Sql("""UPDATE "Persons" SET "Version" = hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6));""");
            migrationBuilder.Sql("""UPDATE "IntegrationContracts" SET "Version" = hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6));""");
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
