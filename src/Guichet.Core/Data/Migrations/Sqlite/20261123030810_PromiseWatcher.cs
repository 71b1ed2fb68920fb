using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PromiseWatcher : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CeilingAlertPercent",
                table: "Teams",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<double>(
                name: "NoticeLeadBusinessHours",
                table: "Teams",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "OwnerLeadMinBusinessHours",
                table: "Teams",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<int>(
                name: "OwnerLeadPercent",
                table: "Teams",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RenegotiationBusinessDays",
                table: "Teams",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "NextActionAt",
                table: "Promises",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "NoticeAt",
                table: "Promises",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "OwnerAlertAt",
                table: "Promises",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "OwnerAlertedAt",
                table: "Promises",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ScheduledFrom",
                table: "Promises",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<bool>(
                name: "SilentBreach",
                table: "Promises",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "CeilingAlertAt",
                table: "Cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CeilingAlertedAt",
                table: "Cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CeilingApprovalRequestedAt",
                table: "Cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CeilingApprovedUntil",
                table: "Cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CeilingAt",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgentId = table.Column<long>(type: "INTEGER", nullable: false),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    PromiseId = table.Column<long>(type: "INTEGER", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReadAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Notifications_Agents_AgentId",
                        column: x => x.AgentId,
                        principalTable: "Agents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Notifications_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Promises_NextActionAt",
                table: "Promises",
                column: "NextActionAt");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_CeilingAlertAt",
                table: "Cases",
                column: "CeilingAlertAt");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_AgentId_ReadAt_CreatedAt",
                table: "Notifications",
                columns: new[] { "AgentId", "ReadAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_CaseId",
                table: "Notifications",
                column: "CaseId");

            // Data written before the watcher existed: ceilings from the creation date (30 days, alert at 75 %),
            // and running promises scheduled with a plain 4-hour notice lead, so none is left unwatched.
            migrationBuilder.Sql("UPDATE \"Cases\" SET \"CeilingAt\" = \"CreatedAt\" + 2592000000000, \"CeilingAlertAt\" = CASE WHEN \"Status\" IN ('New','Open','WaitingOnCustomer') THEN \"CreatedAt\" + 1944000000000 END;");
            migrationBuilder.Sql("UPDATE \"Promises\" SET \"ScheduledFrom\" = \"CreatedAt\", \"NoticeAt\" = \"DueAt\" - 14400000000, \"NextActionAt\" = \"DueAt\" - 14400000000 WHERE \"State\" IN ('Open','Renegotiated');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropIndex(
                name: "IX_Promises_NextActionAt",
                table: "Promises");

            migrationBuilder.DropIndex(
                name: "IX_Cases_CeilingAlertAt",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "CeilingAlertPercent",
                table: "Teams");

            migrationBuilder.DropColumn(
                name: "NoticeLeadBusinessHours",
                table: "Teams");

            migrationBuilder.DropColumn(
                name: "OwnerLeadMinBusinessHours",
                table: "Teams");

            migrationBuilder.DropColumn(
                name: "OwnerLeadPercent",
                table: "Teams");

            migrationBuilder.DropColumn(
                name: "RenegotiationBusinessDays",
                table: "Teams");

            migrationBuilder.DropColumn(
                name: "NextActionAt",
                table: "Promises");

            migrationBuilder.DropColumn(
                name: "NoticeAt",
                table: "Promises");

            migrationBuilder.DropColumn(
                name: "OwnerAlertAt",
                table: "Promises");

            migrationBuilder.DropColumn(
                name: "OwnerAlertedAt",
                table: "Promises");

            migrationBuilder.DropColumn(
                name: "ScheduledFrom",
                table: "Promises");

            migrationBuilder.DropColumn(
                name: "SilentBreach",
                table: "Promises");

            migrationBuilder.DropColumn(
                name: "CeilingAlertAt",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "CeilingAlertedAt",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "CeilingApprovalRequestedAt",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "CeilingApprovedUntil",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "CeilingAt",
                table: "Cases");
        }
    }
}
