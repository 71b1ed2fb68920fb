using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CancellationsIndexed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Cases_CancellationRequestedAt",
                table: "Cases",
                column: "CancellationRequestedAt",
                filter: "\"CancellationRequestedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_CancelledAt",
                table: "Cases",
                column: "CancelledAt",
                filter: "\"CancelledAt\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_CancellationRequestedAt",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_CancelledAt",
                table: "Cases");
        }
    }
}
