using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PromiseTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PromiseTallies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    State = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SilentBreach = table.Column<bool>(type: "INTEGER", nullable: false),
                    Delta = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PromiseTallies", x => x.Id);
                });

            // Issue 29: promise counts kept by the database, whoever writes (PromiseTally).
            migrationBuilder.Sql("""
                INSERT INTO "PromiseTallies" ("State", "SilentBreach", "Delta")
                SELECT "State", "SilentBreach", COUNT(*) FROM "Promises" GROUP BY "State", "SilentBreach";
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Promises_tally_ai" AFTER INSERT ON "Promises" BEGIN
                    INSERT INTO "PromiseTallies" ("State", "SilentBreach", "Delta") VALUES (new."State", new."SilentBreach", 1);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Promises_tally_au" AFTER UPDATE OF "State", "SilentBreach" ON "Promises"
                WHEN old."State" IS NOT new."State" OR old."SilentBreach" IS NOT new."SilentBreach" BEGIN
                    INSERT INTO "PromiseTallies" ("State", "SilentBreach", "Delta") VALUES (old."State", old."SilentBreach", -1), (new."State", new."SilentBreach", 1);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Promises_tally_ad" AFTER DELETE ON "Promises" BEGIN
                    INSERT INTO "PromiseTallies" ("State", "SilentBreach", "Delta") VALUES (old."State", old."SilentBreach", -1);
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Promises_tally_ai";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Promises_tally_au";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Promises_tally_ad";""");
            migrationBuilder.DropTable(
                name: "PromiseTallies");
        }
    }
}
