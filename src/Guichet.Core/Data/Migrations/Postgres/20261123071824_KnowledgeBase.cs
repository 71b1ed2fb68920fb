using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Guichet.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class KnowledgeBase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Articles",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: false),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    IsPublic = table.Column<bool>(type: "boolean", nullable: false),
                    Tags = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    SourceCaseId = table.Column<long>(type: "bigint", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Articles", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Status_Language",
                table: "Articles",
                columns: new[] { "Status", "Language" });

            // The full-text index (decision 0016): generated tsvector columns with GIN indexes; an
            // article in its language's dictionary, title above tags above text; messages people
            // wrote in the simple dictionary (their language is the customer's), automatic ones not at all.
            migrationBuilder.Sql("""
                ALTER TABLE "Articles" ADD "Search" tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector(CASE WHEN "Language" = 'en' THEN 'english'::regconfig ELSE 'french'::regconfig END, "Title"), 'A') ||
                    setweight(to_tsvector(CASE WHEN "Language" = 'en' THEN 'english'::regconfig ELSE 'french'::regconfig END, replace("Tags", ',', ' ')), 'B') ||
                    setweight(to_tsvector(CASE WHEN "Language" = 'en' THEN 'english'::regconfig ELSE 'french'::regconfig END, "Body"), 'C')) STORED;
                CREATE INDEX "IX_Articles_Search" ON "Articles" USING GIN ("Search");
                ALTER TABLE "Messages" ADD "Search" tsvector GENERATED ALWAYS AS (
                    CASE WHEN "IsAutomatic" THEN NULL ELSE to_tsvector('simple'::regconfig, "Body") END) STORED;
                CREATE INDEX "IX_Messages_Search" ON "Messages" USING GIN ("Search");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS "IX_Messages_Search";
                ALTER TABLE "Messages" DROP COLUMN IF EXISTS "Search";
                """);
            migrationBuilder.DropTable(
                name: "Articles");
        }
    }
}
