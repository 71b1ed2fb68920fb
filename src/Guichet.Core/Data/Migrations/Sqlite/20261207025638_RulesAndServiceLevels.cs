using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RulesAndServiceLevels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Pending",
                table: "WebhookCursors",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PolicyId",
                table: "Promises",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ServicePolicyId",
                table: "Cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RuleId",
                table: "CaseEvents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Rules",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    TeamId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedById = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    When = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Hours = table.Column<double>(type: "REAL", nullable: true),
                    Conditions = table.Column<string>(type: "TEXT", nullable: false),
                    Actions = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Rules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Rules_Agents_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "Agents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Rules_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ServicePolicies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Tier = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    OrganisationId = table.Column<long>(type: "INTEGER", nullable: true),
                    TeamId = table.Column<long>(type: "INTEGER", nullable: true),
                    FirstReplyHours = table.Column<double>(type: "REAL", nullable: true),
                    NextReplyHours = table.Column<double>(type: "REAL", nullable: true),
                    ResolutionHours = table.Column<double>(type: "REAL", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServicePolicies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServicePolicies_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ServicePolicies_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RuleRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RuleId = table.Column<long>(type: "INTEGER", nullable: false),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RuleRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RuleRuns_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RuleRuns_Rules_RuleId",
                        column: x => x.RuleId,
                        principalTable: "Rules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Promises_PolicyId_CreatedAt",
                table: "Promises",
                columns: new[] { "PolicyId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RuleRuns_CaseId",
                table: "RuleRuns",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_RuleRuns_RuleId_Key",
                table: "RuleRuns",
                columns: new[] { "RuleId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Rules_CreatedById",
                table: "Rules",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_Rules_TeamId",
                table: "Rules",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_ServicePolicies_OrganisationId",
                table: "ServicePolicies",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_ServicePolicies_TeamId",
                table: "ServicePolicies",
                column: "TeamId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RuleRuns");

            migrationBuilder.DropTable(
                name: "ServicePolicies");

            migrationBuilder.DropTable(
                name: "Rules");

            migrationBuilder.DropIndex(
                name: "IX_Promises_PolicyId_CreatedAt",
                table: "Promises");

            migrationBuilder.DropColumn(
                name: "Pending",
                table: "WebhookCursors");

            migrationBuilder.DropColumn(
                name: "PolicyId",
                table: "Promises");

            migrationBuilder.DropColumn(
                name: "ServicePolicyId",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "RuleId",
                table: "CaseEvents");
        }
    }
}
