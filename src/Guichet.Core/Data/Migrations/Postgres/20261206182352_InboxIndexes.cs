using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InboxIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_OwnerId",
                table: "Cases");

            migrationBuilder.AddColumn<int>(
                name: "InInbox",
                table: "Cases",
                type: "integer",
                nullable: false,
                computedColumnSql: "CASE WHEN \"Status\" IN ('New', 'Open', 'WaitingOnCustomer') THEN 1 ELSE 0 END",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_InInbox_DueOrder_Priority_Id",
                table: "Cases",
                columns: new[] { "InInbox", "DueOrder", "Priority", "Id" },
                descending: new[] { false, false, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OwnerId_DueOrder_Priority_Id",
                table: "Cases",
                columns: new[] { "OwnerId", "DueOrder", "Priority", "Id" },
                descending: new[] { false, false, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Status_DueOrder_Priority_Id",
                table: "Cases",
                columns: new[] { "Status", "DueOrder", "Priority", "Id" },
                descending: new[] { false, false, true, false });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_InInbox_DueOrder_Priority_Id",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_OwnerId_DueOrder_Priority_Id",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Status_DueOrder_Priority_Id",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "InInbox",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OwnerId",
                table: "Cases",
                column: "OwnerId");
        }
    }
}
