using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CaseTagsAndSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CaseTags",
                columns: table => new
                {
                    CaseId = table.Column<long>(type: "bigint", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseTags", x => new { x.CaseId, x.Name });
                    table.ForeignKey(
                        name: "FK_CaseTags_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseTags_Name_CaseId",
                table: "CaseTags",
                columns: new[] { "Name", "CaseId" });

            // The search box (W3): case subjects and customer names as generated tsvector columns with GIN indexes (decision 0016).
            migrationBuilder.Sql("""
                ALTER TABLE "Cases" ADD "Search" tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, "Subject")) STORED;
                CREATE INDEX "IX_Cases_Search" ON "Cases" USING GIN ("Search");
                ALTER TABLE "Customers" ADD "Search" tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, "Name")) STORED;
                CREATE INDEX "IX_Customers_Search" ON "Customers" USING GIN ("Search");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""ALTER TABLE "Cases" DROP COLUMN "Search"; ALTER TABLE "Customers" DROP COLUMN "Search";""");
            migrationBuilder.DropTable(
                name: "CaseTags");
        }
    }
}
