using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Goodwill : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Currency",
                table: "Teams",
                type: "TEXT",
                nullable: false,
                defaultValue: "EUR");

            migrationBuilder.AddColumn<long>(
                name: "GoodwillBudgetMinor",
                table: "Teams",
                type: "INTEGER",
                nullable: false,
                defaultValue: 10000L);

            migrationBuilder.CreateTable(
                name: "CompensationRules",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Tier = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    IncidentKind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FromRecurrence = table.Column<int>(type: "INTEGER", nullable: false),
                    Gesture = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AmountMinor = table.Column<long>(type: "INTEGER", nullable: true),
                    SharePercent = table.Column<int>(type: "INTEGER", nullable: true),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompensationRules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "GoodwillEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    AgentId = table.Column<long>(type: "INTEGER", nullable: false),
                    TeamId = table.Column<long>(type: "INTEGER", nullable: false),
                    Gesture = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AmountMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    PolicyRule = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GoodwillEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GoodwillEntries_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GoodwillEntries_AgentId_TeamId_Month",
                table: "GoodwillEntries",
                columns: new[] { "AgentId", "TeamId", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_GoodwillEntries_CaseId",
                table: "GoodwillEntries",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_GoodwillEntries_Status",
                table: "GoodwillEntries",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CompensationRules");

            migrationBuilder.DropTable(
                name: "GoodwillEntries");

            migrationBuilder.DropColumn(
                name: "Currency",
                table: "Teams");

            migrationBuilder.DropColumn(
                name: "GoodwillBudgetMinor",
                table: "Teams");
        }
    }
}
