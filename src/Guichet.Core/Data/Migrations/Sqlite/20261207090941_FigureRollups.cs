using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FigureRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FigureDirtyDays",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Day = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FigureDirtyDays", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FigureRollups",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Day = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TeamId = table.Column<long>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OwnerId = table.Column<long>(type: "INTEGER", nullable: true),
                    Data = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FigureRollups", x => x.Id);
                });

            // One mark a day on SQLite, its version moved by each change (FigureRollups.RefreshAsync).
            migrationBuilder.CreateIndex(
                name: "IX_FigureDirtyDays_Day",
                table: "FigureDirtyDays",
                column: "Day",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FigureRollups_Day",
                table: "FigureRollups",
                column: "Day");

            // Issue 29: every change that moves a day's figures marks the day, whoever writes (FigureDirtyDay).
            migrationBuilder.Sql("""
                INSERT OR IGNORE INTO "FigureDirtyDays" ("Day", "Version")
                SELECT DISTINCT "CreatedAt" - "CreatedAt" % 86400000000, 0 FROM "Cases" WHERE "Origin" = 'Contact';
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Cases_figures_ai" AFTER INSERT ON "Cases" WHEN new."Origin" = 'Contact' BEGIN
                    INSERT OR IGNORE INTO "FigureDirtyDays" ("Day", "Version") VALUES (new."CreatedAt" - new."CreatedAt" % 86400000000, 0);
                    UPDATE "FigureDirtyDays" SET "Version" = "Version" + 1 WHERE "Day" = new."CreatedAt" - new."CreatedAt" % 86400000000;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Cases_figures_au" AFTER UPDATE ON "Cases" WHEN new."Origin" = 'Contact' OR old."Origin" = 'Contact' BEGIN
                    INSERT OR IGNORE INTO "FigureDirtyDays" ("Day", "Version") VALUES (new."CreatedAt" - new."CreatedAt" % 86400000000, 0);
                    UPDATE "FigureDirtyDays" SET "Version" = "Version" + 1 WHERE "Day" = new."CreatedAt" - new."CreatedAt" % 86400000000;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Cases_figures_ad" AFTER DELETE ON "Cases" WHEN old."Origin" = 'Contact' BEGIN
                    INSERT OR IGNORE INTO "FigureDirtyDays" ("Day", "Version") VALUES (old."CreatedAt" - old."CreatedAt" % 86400000000, 0);
                    UPDATE "FigureDirtyDays" SET "Version" = "Version" + 1 WHERE "Day" = old."CreatedAt" - old."CreatedAt" % 86400000000;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Promises_figures_ai" AFTER INSERT ON "Promises" BEGIN
                    INSERT OR IGNORE INTO "FigureDirtyDays" ("Day", "Version") SELECT "CreatedAt" - "CreatedAt" % 86400000000, 0 FROM "Cases" WHERE "Id" = new."CaseId" AND "Origin" = 'Contact';
                    UPDATE "FigureDirtyDays" SET "Version" = "Version" + 1 WHERE "Day" = (SELECT "CreatedAt" - "CreatedAt" % 86400000000 FROM "Cases" WHERE "Id" = new."CaseId" AND "Origin" = 'Contact');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Promises_figures_au" AFTER UPDATE OF "State", "SilentBreach", "DueAt", "OwnerId" ON "Promises" BEGIN
                    INSERT OR IGNORE INTO "FigureDirtyDays" ("Day", "Version") SELECT "CreatedAt" - "CreatedAt" % 86400000000, 0 FROM "Cases" WHERE "Id" = new."CaseId" AND "Origin" = 'Contact';
                    UPDATE "FigureDirtyDays" SET "Version" = "Version" + 1 WHERE "Day" = (SELECT "CreatedAt" - "CreatedAt" % 86400000000 FROM "Cases" WHERE "Id" = new."CaseId" AND "Origin" = 'Contact');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Promises_figures_ad" AFTER DELETE ON "Promises" BEGIN
                    INSERT OR IGNORE INTO "FigureDirtyDays" ("Day", "Version") SELECT "CreatedAt" - "CreatedAt" % 86400000000, 0 FROM "Cases" WHERE "Id" = old."CaseId" AND "Origin" = 'Contact';
                    UPDATE "FigureDirtyDays" SET "Version" = "Version" + 1 WHERE "Day" = (SELECT "CreatedAt" - "CreatedAt" % 86400000000 FROM "Cases" WHERE "Id" = old."CaseId" AND "Origin" = 'Contact');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Surveys_figures_ai" AFTER INSERT ON "Surveys" BEGIN
                    INSERT OR IGNORE INTO "FigureDirtyDays" ("Day", "Version") SELECT "CreatedAt" - "CreatedAt" % 86400000000, 0 FROM "Cases" WHERE "Id" = new."CaseId" AND "Origin" = 'Contact';
                    UPDATE "FigureDirtyDays" SET "Version" = "Version" + 1 WHERE "Day" = (SELECT "CreatedAt" - "CreatedAt" % 86400000000 FROM "Cases" WHERE "Id" = new."CaseId" AND "Origin" = 'Contact');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Surveys_figures_au" AFTER UPDATE OF "State", "Csat", "Effort", "CaseId" ON "Surveys" BEGIN
                    INSERT OR IGNORE INTO "FigureDirtyDays" ("Day", "Version") SELECT "CreatedAt" - "CreatedAt" % 86400000000, 0 FROM "Cases" WHERE "Id" = new."CaseId" AND "Origin" = 'Contact';
                    UPDATE "FigureDirtyDays" SET "Version" = "Version" + 1 WHERE "Day" = (SELECT "CreatedAt" - "CreatedAt" % 86400000000 FROM "Cases" WHERE "Id" = new."CaseId" AND "Origin" = 'Contact');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Surveys_figures_ad" AFTER DELETE ON "Surveys" BEGIN
                    INSERT OR IGNORE INTO "FigureDirtyDays" ("Day", "Version") SELECT "CreatedAt" - "CreatedAt" % 86400000000, 0 FROM "Cases" WHERE "Id" = old."CaseId" AND "Origin" = 'Contact';
                    UPDATE "FigureDirtyDays" SET "Version" = "Version" + 1 WHERE "Day" = (SELECT "CreatedAt" - "CreatedAt" % 86400000000 FROM "Cases" WHERE "Id" = old."CaseId" AND "Origin" = 'Contact');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "CaseEvents_figures_ai" AFTER INSERT ON "CaseEvents" WHEN new."Kind" IN ('RedirectedElsewhere', 'GuardOverridden') BEGIN
                    INSERT OR IGNORE INTO "FigureDirtyDays" ("Day", "Version") SELECT "CreatedAt" - "CreatedAt" % 86400000000, 0 FROM "Cases" WHERE "Id" = new."CaseId" AND "Origin" = 'Contact';
                    UPDATE "FigureDirtyDays" SET "Version" = "Version" + 1 WHERE "Day" = (SELECT "CreatedAt" - "CreatedAt" % 86400000000 FROM "Cases" WHERE "Id" = new."CaseId" AND "Origin" = 'Contact');
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Cases_figures_ai";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Cases_figures_au";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Cases_figures_ad";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Promises_figures_ai";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Promises_figures_au";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Promises_figures_ad";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Surveys_figures_ai";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Surveys_figures_au";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Surveys_figures_ad";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "CaseEvents_figures_ai";""");
            migrationBuilder.DropTable(
                name: "FigureDirtyDays");

            migrationBuilder.DropTable(
                name: "FigureRollups");
        }
    }
}
