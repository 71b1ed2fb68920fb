using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PhoneCalls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PhoneCalls",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CallId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    MessageId = table.Column<long>(type: "INTEGER", nullable: false),
                    Caller = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Callee = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AgentId = table.Column<long>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OpenedTheCase = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PhoneCalls", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PhoneCalls_Agents_AgentId",
                        column: x => x.AgentId,
                        principalTable: "Agents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PhoneCalls_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PhoneCalls_Messages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "Messages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PhoneCalls_AgentId",
                table: "PhoneCalls",
                column: "AgentId");

            migrationBuilder.CreateIndex(
                name: "IX_PhoneCalls_CallId",
                table: "PhoneCalls",
                column: "CallId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PhoneCalls_CaseId_StartedAt",
                table: "PhoneCalls",
                columns: new[] { "CaseId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PhoneCalls_MessageId",
                table: "PhoneCalls",
                column: "MessageId");

            migrationBuilder.CreateIndex(
                name: "IX_PhoneCalls_StartedAt",
                table: "PhoneCalls",
                column: "StartedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PhoneCalls");
        }
    }
}
