using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InboxOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DueOrder",
                table: "Cases",
                type: "timestamp with time zone",
                nullable: false,
                computedColumnSql: "COALESCE(\"NextDueAt\", \"CustomerWaitingSince\", TIMESTAMPTZ '9999-12-31 00:00:00+00')",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_CreatedAt_Id",
                table: "Cases",
                columns: new[] { "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_DueOrder_Priority_Id",
                table: "Cases",
                columns: new[] { "DueOrder", "Priority", "Id" },
                descending: new[] { false, true, false });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_CreatedAt_Id",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_DueOrder_Priority_Id",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "DueOrder",
                table: "Cases");
        }
    }
}
