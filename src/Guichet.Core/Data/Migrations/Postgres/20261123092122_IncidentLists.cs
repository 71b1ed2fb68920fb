using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Guichet.Core.Data.Migrations.Postgres
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
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "IncidentLists",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IncidentId = table.Column<long>(type: "bigint", nullable: false),
                    Source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    SentBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Lines = table.Column<int>(type: "integer", nullable: false),
                    Reached = table.Column<int>(type: "integer", nullable: false),
                    AlreadyReached = table.Column<int>(type: "integer", nullable: false),
                    OnExistingCases = table.Column<int>(type: "integer", nullable: false),
                    RefusedCount = table.Column<int>(type: "integer", nullable: false),
                    Refused = table.Column<string>(type: "text", nullable: false),
                    Error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
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
