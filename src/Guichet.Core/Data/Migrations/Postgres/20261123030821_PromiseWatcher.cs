using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Guichet.Core.Data.Migrations.Postgres
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
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<double>(
                name: "NoticeLeadBusinessHours",
                table: "Teams",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "OwnerLeadMinBusinessHours",
                table: "Teams",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<int>(
                name: "OwnerLeadPercent",
                table: "Teams",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RenegotiationBusinessDays",
                table: "Teams",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "NextActionAt",
                table: "Promises",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "NoticeAt",
                table: "Promises",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "OwnerAlertAt",
                table: "Promises",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "OwnerAlertedAt",
                table: "Promises",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ScheduledFrom",
                table: "Promises",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<bool>(
                name: "SilentBreach",
                table: "Promises",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CeilingAlertAt",
                table: "Cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CeilingAlertedAt",
                table: "Cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CeilingApprovalRequestedAt",
                table: "Cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CeilingApprovedUntil",
                table: "Cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CeilingAt",
                table: "Cases",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgentId = table.Column<long>(type: "bigint", nullable: false),
                    CaseId = table.Column<long>(type: "bigint", nullable: false),
                    PromiseId = table.Column<long>(type: "bigint", nullable: true),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReadAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
            migrationBuilder.Sql("UPDATE \"Cases\" SET \"CeilingAt\" = \"CreatedAt\" + interval '30 days', \"CeilingAlertAt\" = CASE WHEN \"Status\" IN ('New','Open','WaitingOnCustomer') THEN \"CreatedAt\" + interval '540 hours' END;");
            migrationBuilder.Sql("UPDATE \"Promises\" SET \"ScheduledFrom\" = \"CreatedAt\", \"NoticeAt\" = \"DueAt\" - interval '4 hours', \"NextActionAt\" = \"DueAt\" - interval '4 hours' WHERE \"State\" IN ('Open','Renegotiated');");
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
