using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class GoodwillByMonth : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_GoodwillEntries_AgentId_TeamId_Month",
                table: "GoodwillEntries");

            migrationBuilder.CreateIndex(
                name: "IX_GoodwillEntries_Month_AgentId_TeamId",
                table: "GoodwillEntries",
                columns: new[] { "Month", "AgentId", "TeamId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_GoodwillEntries_Month_AgentId_TeamId",
                table: "GoodwillEntries");

            migrationBuilder.CreateIndex(
                name: "IX_GoodwillEntries_AgentId_TeamId_Month",
                table: "GoodwillEntries",
                columns: new[] { "AgentId", "TeamId", "Month" });
        }
    }
}
