using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IncidentLists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "GoodwillBudgetMinor",
                table: "Agents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "IncidentLists",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncidentId = table.Column<long>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SentBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Lines = table.Column<int>(type: "INTEGER", nullable: false),
                    Reached = table.Column<int>(type: "INTEGER", nullable: false),
                    AlreadyReached = table.Column<int>(type: "INTEGER", nullable: false),
                    OnExistingCases = table.Column<int>(type: "INTEGER", nullable: false),
                    RefusedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Refused = table.Column<string>(type: "TEXT", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentLists", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IncidentLists_IncidentId",
                table: "IncidentLists",
                column: "IncidentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IncidentLists");

            migrationBuilder.DropColumn(
                name: "GoodwillBudgetMinor",
                table: "Agents");
        }
    }
}
