using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MailDedupKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_InboundEmails_MessageIdHeader",
                table: "InboundEmails");

            migrationBuilder.AddColumn<string>(
                name: "DedupKey",
                table: "InboundEmails",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_InboundEmails_DedupKey",
                table: "InboundEmails",
                column: "DedupKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InboundEmails_MessageIdHeader",
                table: "InboundEmails",
                column: "MessageIdHeader",
                filter: "\"DedupKey\" IS NULL AND \"MessageIdHeader\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_InboundEmails_DedupKey",
                table: "InboundEmails");

            migrationBuilder.DropIndex(
                name: "IX_InboundEmails_MessageIdHeader",
                table: "InboundEmails");

            migrationBuilder.DropColumn(
                name: "DedupKey",
                table: "InboundEmails");

            migrationBuilder.CreateIndex(
                name: "IX_InboundEmails_MessageIdHeader",
                table: "InboundEmails",
                column: "MessageIdHeader",
                unique: true);
        }
    }
}
