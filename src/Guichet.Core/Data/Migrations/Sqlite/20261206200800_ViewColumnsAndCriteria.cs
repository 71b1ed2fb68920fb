using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ViewColumnsAndCriteria : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Columns",
                table: "Views",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Fields",
                table: "Views",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<long>(
                name: "OrganisationId",
                table: "Views",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Views_OrganisationId",
                table: "Views",
                column: "OrganisationId");

            migrationBuilder.AddForeignKey(
                name: "FK_Views_Organisations_OrganisationId",
                table: "Views",
                column: "OrganisationId",
                principalTable: "Organisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Views_Organisations_OrganisationId",
                table: "Views");

            migrationBuilder.DropIndex(
                name: "IX_Views_OrganisationId",
                table: "Views");

            migrationBuilder.DropColumn(
                name: "Columns",
                table: "Views");

            migrationBuilder.DropColumn(
                name: "Fields",
                table: "Views");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "Views");
        }
    }
}
