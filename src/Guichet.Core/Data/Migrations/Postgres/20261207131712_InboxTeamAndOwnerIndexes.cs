using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InboxTeamAndOwnerIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Cases_InInbox_OwnerId_DueOrder_Priority_Id",
                table: "Cases",
                columns: new[] { "InInbox", "OwnerId", "DueOrder", "Priority", "Id" },
                descending: new[] { false, false, false, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_TeamId_InInbox_DueOrder_Priority_Id",
                table: "Cases",
                columns: new[] { "TeamId", "InInbox", "DueOrder", "Priority", "Id" },
                descending: new[] { false, false, false, true, false });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_InInbox_OwnerId_DueOrder_Priority_Id",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_TeamId_InInbox_DueOrder_Priority_Id",
                table: "Cases");
        }
    }
}
