using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CaseWorkAndWaiting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Promises_OwnerId",
                table: "Promises");

            migrationBuilder.DropIndex(
                name: "IX_Messages_AuthorId",
                table: "Messages");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CustomerWaitingSince",
                table: "Cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Promises_OwnerId_CaseId",
                table: "Promises",
                columns: new[] { "OwnerId", "CaseId" });

            migrationBuilder.CreateIndex(
                name: "IX_Messages_AuthorId_CaseId",
                table: "Messages",
                columns: new[] { "AuthorId", "CaseId" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseEvents_ActorId_CaseId",
                table: "CaseEvents",
                columns: new[] { "ActorId", "CaseId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Promises_OwnerId_CaseId",
                table: "Promises");

            migrationBuilder.DropIndex(
                name: "IX_Messages_AuthorId_CaseId",
                table: "Messages");

            migrationBuilder.DropIndex(
                name: "IX_CaseEvents_ActorId_CaseId",
                table: "CaseEvents");

            migrationBuilder.DropColumn(
                name: "CustomerWaitingSince",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Promises_OwnerId",
                table: "Promises",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_Messages_AuthorId",
                table: "Messages",
                column: "AuthorId");
        }
    }
}
