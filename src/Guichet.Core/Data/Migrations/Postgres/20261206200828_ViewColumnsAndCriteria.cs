using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ViewColumnsAndCriteria : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<string>>(
                name: "Columns",
                table: "Views",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<List<string>>(
                name: "Fields",
                table: "Views",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<long>(
                name: "OrganisationId",
                table: "Views",
                type: "bigint",
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
