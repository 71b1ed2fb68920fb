using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TestJourneys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TestJourneys",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TeamId = table.Column<long>(type: "INTEGER", nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    EveryMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    AckWithinMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    NextRunAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TestJourneys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TestJourneys_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "JourneyRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    JourneyId = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: true),
                    AckDeadline = table.Column<long>(type: "INTEGER", nullable: false),
                    AcknowledgedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AnswerDueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Failures = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CheckAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JourneyRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JourneyRuns_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_JourneyRuns_TestJourneys_JourneyId",
                        column: x => x.JourneyId,
                        principalTable: "TestJourneys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_JourneyRuns_CaseId",
                table: "JourneyRuns",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_JourneyRuns_CheckAt",
                table: "JourneyRuns",
                column: "CheckAt");

            migrationBuilder.CreateIndex(
                name: "IX_JourneyRuns_JourneyId_StartedAt",
                table: "JourneyRuns",
                columns: new[] { "JourneyId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TestJourneys_NextRunAt",
                table: "TestJourneys",
                column: "NextRunAt");

            migrationBuilder.CreateIndex(
                name: "IX_TestJourneys_TeamId",
                table: "TestJourneys",
                column: "TeamId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "JourneyRuns");

            migrationBuilder.DropTable(
                name: "TestJourneys");
        }
    }
}
