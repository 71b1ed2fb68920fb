using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OutboxDelivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "NextAttemptAt",
                table: "Outbox",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "SentAt",
                table: "Outbox",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_State_Channel_NextAttemptAt",
                table: "Outbox",
                columns: new[] { "State", "Channel", "NextAttemptAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Outbox_State_Channel_NextAttemptAt",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "NextAttemptAt",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "SentAt",
                table: "Outbox");
        }
    }
}
