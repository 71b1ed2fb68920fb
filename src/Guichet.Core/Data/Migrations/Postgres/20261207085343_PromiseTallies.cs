using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Guichet.Core.Data.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    State = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SilentBreach = table.Column<bool>(type: "boolean", nullable: false),
                    Delta = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PromiseTallies", x => x.Id);
                });

            // Issue 29: promise counts kept by the database, whoever writes (PromiseTally). Another node's
            // writes wait for this migration's end: none is counted twice or missed between the count and the triggers.
            migrationBuilder.Sql("""
                LOCK TABLE "Promises" IN SHARE ROW EXCLUSIVE MODE;
                INSERT INTO "PromiseTallies" ("State", "SilentBreach", "Delta")
                SELECT "State", "SilentBreach", COUNT(*) FROM "Promises" GROUP BY "State", "SilentBreach";
                """);
            // Statement triggers with transition tables: a bulk insert of thousands of promises adds one row per state, not one per promise.
            migrationBuilder.Sql("""
                CREATE FUNCTION promises_tally_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "PromiseTallies" ("State", "SilentBreach", "Delta") SELECT "State", "SilentBreach", COUNT(*) FROM inserted GROUP BY "State", "SilentBreach";
                    RETURN NULL;
                END $$;
                CREATE FUNCTION promises_tally_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "PromiseTallies" ("State", "SilentBreach", "Delta") SELECT "State", "SilentBreach", -COUNT(*) FROM deleted GROUP BY "State", "SilentBreach";
                    RETURN NULL;
                END $$;
                CREATE FUNCTION promises_tally_updated() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "PromiseTallies" ("State", "SilentBreach", "Delta")
                    SELECT s, b, SUM(d) FROM (
                        SELECT o."State" AS s, o."SilentBreach" AS b, -1 AS d FROM before o JOIN after n ON n."Id" = o."Id"
                            WHERE o."State" <> n."State" OR o."SilentBreach" <> n."SilentBreach"
                        UNION ALL
                        SELECT n."State", n."SilentBreach", 1 FROM before o JOIN after n ON n."Id" = o."Id"
                            WHERE o."State" <> n."State" OR o."SilentBreach" <> n."SilentBreach") AS changes
                    GROUP BY s, b HAVING SUM(d) <> 0;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER promises_tally_insert AFTER INSERT ON "Promises" REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION promises_tally_inserted();
                CREATE TRIGGER promises_tally_delete AFTER DELETE ON "Promises" REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION promises_tally_deleted();
                CREATE TRIGGER promises_tally_update AFTER UPDATE ON "Promises" REFERENCING OLD TABLE AS before NEW TABLE AS after FOR EACH STATEMENT EXECUTE FUNCTION promises_tally_updated();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS promises_tally_insert ON "Promises";
                DROP TRIGGER IF EXISTS promises_tally_delete ON "Promises";
                DROP TRIGGER IF EXISTS promises_tally_update ON "Promises";
                DROP FUNCTION IF EXISTS promises_tally_inserted();
                DROP FUNCTION IF EXISTS promises_tally_deleted();
                DROP FUNCTION IF EXISTS promises_tally_updated();
                """);
            migrationBuilder.DropTable(
                name: "PromiseTallies");
        }
    }
}
