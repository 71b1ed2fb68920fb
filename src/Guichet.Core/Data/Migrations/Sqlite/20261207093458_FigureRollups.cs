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
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    RolledVersion = table.Column<long>(type: "INTEGER", nullable: false)
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
                CREATE TRIGGER "Cases_figures_ai" AFTER INSERT ON "Cases" WHEN new."Origin" = 'Contact' BEGIN
                    INSERT OR IGNORE INTO "FigureDirtyDays" ("Day", "Version", "RolledVersion") VALUES (new."CreatedAt" - new."CreatedAt" % 86400000000, 0, 0);
                    UPDATE "FigureDirtyDays" SET "Version" = "Version" + 1 WHERE "Day" = new."CreatedAt" - new."CreatedAt" % 86400000000;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Cases_figures_au" AFTER UPDATE ON "Cases" WHEN new."Origin" = 'Contact' OR old."Origin" = 'Contact' BEGIN
                    INSERT OR IGNORE INTO "FigureDirtyDays" ("Day", "Version", "RolledVersion") VALUES (old."CreatedAt" - old."CreatedAt" % 86400000000, 0, 0);
                    UPDATE "FigureDirtyDays" SET "Version" = "Version" + 1 WHERE "Day" = old."CreatedAt" - old."CreatedAt" % 86400000000;
                    INSERT OR IGNORE INTO "FigureDirtyDays" ("Day", "Version", "RolledVersion") VALUES (new."CreatedAt" - new."CreatedAt" % 86400000000, 0, 0);
                    UPDATE "FigureDirtyDays" SET "Version" = "Version" + 1 WHERE "Day" = new."CreatedAt" - new."CreatedAt" % 86400000000;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Cases_figures_ad" AFTER DELETE ON "Cases" WHEN old."Origin" = 'Contact' BEGIN
                    INSERT OR IGNORE INTO "FigureDirtyDays" ("Day", "Version", "RolledVersion") VALUES (old."CreatedAt" - old."CreatedAt" % 86400000000, 0, 0);
                    UPDATE "FigureDirtyDays" SET "Version" = "Version" + 1 WHERE "Day" = old."CreatedAt" - old."CreatedAt" % 86400000000;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Promises_figures_ai" AFTER INSERT ON "Promises" BEGIN
                    INSERT OR IGNORE INTO "FigureDirtyDays" ("Day", "Version", "RolledVersion") SELECT c."CreatedAt" - c."CreatedAt" % 86400000000, 0, 0 FROM "Cases" c WHERE c."Id" = new."CaseId" AND c."Origin" = 'Contact';
                    UPDATE "FigureDirtyDays" SET "Version" = "Version" + 1 WHERE "Day" = (SELECT c."CreatedAt" - c."CreatedAt" % 86400000000 FROM "Cases" c WHERE c."Id" = new."CaseId" AND c."Origin" = 'Contact');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Promises_figures_au" AFTER UPDATE OF "State", "SilentBreach", "DueAt", "OwnerId", "CaseId" ON "Promises" BEGIN
                    INSERT OR IGNORE INTO "FigureDirtyDays" ("Day", "Version", "RolledVersion") SELECT c."CreatedAt" - c."CreatedAt" % 86400000000, 0, 0 FROM "Cases" c WHERE c."Id" = old."CaseId" AND c."Origin" = 'Contact';
                    UPDATE "FigureDirtyDays" SET "Version" = "Version" + 1 WHERE "Day" = (SELECT c."CreatedAt" - c."CreatedAt" % 86400000000 FROM "Cases" c WHERE c."Id" = old."CaseId" AND c."Origin" = 'Contact');
                    INSERT OR IGNORE INTO "FigureDirtyDays" ("Day", "Version", "RolledVersion") SELECT c."CreatedAt" - c."CreatedAt" % 86400000000, 0, 0 FROM "Cases" c WHERE c."Id" = new."CaseId" AND c."Origin" = 'Contact';
                    UPDATE "FigureDirtyDays" SET "Version" = "Version" + 1 WHERE "Day" = (SELECT c."CreatedAt" - c."CreatedAt" % 86400000000 FROM "Cases" c WHERE c."Id" = new."CaseId" AND c."Origin" = 'Contact');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Promises_figures_ad" AFTER DELETE ON "Promises" BEGIN
                    INSERT OR IGNORE INTO "FigureDirtyDays" ("Day", "Version", "RolledVersion") SELECT c."CreatedAt" - c."CreatedAt" % 86400000000, 0, 0 FROM "Cases" c WHERE c."Id" = old."CaseId" AND c."Origin" = 'Contact';
                    UPDATE "FigureDirtyDays" SET "Version" = "Version" + 1 WHERE "Day" = (SELECT c."CreatedAt" - c."CreatedAt" % 86400000000 FROM "Cases" c WHERE c."Id" = old."CaseId" AND c."Origin" = 'Contact');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "PromiseRenegotiations_figures_ai" AFTER INSERT ON "PromiseRenegotiations" BEGIN
                    INSERT OR IGNORE INTO "FigureDirtyDays" ("Day", "Version", "RolledVersion") SELECT c."CreatedAt" - c."CreatedAt" % 86400000000, 0, 0 FROM "Cases" c WHERE c."Id" = (SELECT p."CaseId" FROM "Promises" p WHERE p."Id" = new."PromiseId") AND c."Origin" = 'Contact';
                    UPDATE "FigureDirtyDays" SET "Version" = "Version" + 1 WHERE "Day" = (SELECT c."CreatedAt" - c."CreatedAt" % 86400000000 FROM "Cases" c WHERE c."Id" = (SELECT p."CaseId" FROM "Promises" p WHERE p."Id" = new."PromiseId") AND c."Origin" = 'Contact');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "PromiseRenegotiations_figures_ad" AFTER DELETE ON "PromiseRenegotiations" BEGIN
                    INSERT OR IGNORE INTO "FigureDirtyDays" ("Day", "Version", "RolledVersion") SELECT c."CreatedAt" - c."CreatedAt" % 86400000000, 0, 0 FROM "Cases" c WHERE c."Id" = (SELECT p."CaseId" FROM "Promises" p WHERE p."Id" = old."PromiseId") AND c."Origin" = 'Contact';
                    UPDATE "FigureDirtyDays" SET "Version" = "Version" + 1 WHERE "Day" = (SELECT c."CreatedAt" - c."CreatedAt" % 86400000000 FROM "Cases" c WHERE c."Id" = (SELECT p."CaseId" FROM "Promises" p WHERE p."Id" = old."PromiseId") AND c."Origin" = 'Contact');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Surveys_figures_ai" AFTER INSERT ON "Surveys" BEGIN
                    INSERT OR IGNORE INTO "FigureDirtyDays" ("Day", "Version", "RolledVersion") SELECT c."CreatedAt" - c."CreatedAt" % 86400000000, 0, 0 FROM "Cases" c WHERE c."Id" = new."CaseId" AND c."Origin" = 'Contact';
                    UPDATE "FigureDirtyDays" SET "Version" = "Version" + 1 WHERE "Day" = (SELECT c."CreatedAt" - c."CreatedAt" % 86400000000 FROM "Cases" c WHERE c."Id" = new."CaseId" AND c."Origin" = 'Contact');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Surveys_figures_au" AFTER UPDATE OF "State", "Csat", "Effort", "CaseId" ON "Surveys" BEGIN
                    INSERT OR IGNORE INTO "FigureDirtyDays" ("Day", "Version", "RolledVersion") SELECT c."CreatedAt" - c."CreatedAt" % 86400000000, 0, 0 FROM "Cases" c WHERE c."Id" = old."CaseId" AND c."Origin" = 'Contact';
                    UPDATE "FigureDirtyDays" SET "Version" = "Version" + 1 WHERE "Day" = (SELECT c."CreatedAt" - c."CreatedAt" % 86400000000 FROM "Cases" c WHERE c."Id" = old."CaseId" AND c."Origin" = 'Contact');
                    INSERT OR IGNORE INTO "FigureDirtyDays" ("Day", "Version", "RolledVersion") SELECT c."CreatedAt" - c."CreatedAt" % 86400000000, 0, 0 FROM "Cases" c WHERE c."Id" = new."CaseId" AND c."Origin" = 'Contact';
                    UPDATE "FigureDirtyDays" SET "Version" = "Version" + 1 WHERE "Day" = (SELECT c."CreatedAt" - c."CreatedAt" % 86400000000 FROM "Cases" c WHERE c."Id" = new."CaseId" AND c."Origin" = 'Contact');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Surveys_figures_ad" AFTER DELETE ON "Surveys" BEGIN
                    INSERT OR IGNORE INTO "FigureDirtyDays" ("Day", "Version", "RolledVersion") SELECT c."CreatedAt" - c."CreatedAt" % 86400000000, 0, 0 FROM "Cases" c WHERE c."Id" = old."CaseId" AND c."Origin" = 'Contact';
                    UPDATE "FigureDirtyDays" SET "Version" = "Version" + 1 WHERE "Day" = (SELECT c."CreatedAt" - c."CreatedAt" % 86400000000 FROM "Cases" c WHERE c."Id" = old."CaseId" AND c."Origin" = 'Contact');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "CaseEvents_figures_ai" AFTER INSERT ON "CaseEvents" WHEN new."Kind" IN ('RedirectedElsewhere', 'GuardOverridden') BEGIN
                    INSERT OR IGNORE INTO "FigureDirtyDays" ("Day", "Version", "RolledVersion") SELECT c."CreatedAt" - c."CreatedAt" % 86400000000, 0, 0 FROM "Cases" c WHERE c."Id" = new."CaseId" AND c."Origin" = 'Contact';
                    UPDATE "FigureDirtyDays" SET "Version" = "Version" + 1 WHERE "Day" = (SELECT c."CreatedAt" - c."CreatedAt" % 86400000000 FROM "Cases" c WHERE c."Id" = new."CaseId" AND c."Origin" = 'Contact');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "CaseEvents_figures_au" AFTER UPDATE OF "Kind", "To", "CaseId" ON "CaseEvents" WHEN old."Kind" IN ('RedirectedElsewhere', 'GuardOverridden') OR new."Kind" IN ('RedirectedElsewhere', 'GuardOverridden') BEGIN
                    INSERT OR IGNORE INTO "FigureDirtyDays" ("Day", "Version", "RolledVersion") SELECT c."CreatedAt" - c."CreatedAt" % 86400000000, 0, 0 FROM "Cases" c WHERE c."Id" = old."CaseId" AND c."Origin" = 'Contact';
                    UPDATE "FigureDirtyDays" SET "Version" = "Version" + 1 WHERE "Day" = (SELECT c."CreatedAt" - c."CreatedAt" % 86400000000 FROM "Cases" c WHERE c."Id" = old."CaseId" AND c."Origin" = 'Contact');
                    INSERT OR IGNORE INTO "FigureDirtyDays" ("Day", "Version", "RolledVersion") SELECT c."CreatedAt" - c."CreatedAt" % 86400000000, 0, 0 FROM "Cases" c WHERE c."Id" = new."CaseId" AND c."Origin" = 'Contact';
                    UPDATE "FigureDirtyDays" SET "Version" = "Version" + 1 WHERE "Day" = (SELECT c."CreatedAt" - c."CreatedAt" % 86400000000 FROM "Cases" c WHERE c."Id" = new."CaseId" AND c."Origin" = 'Contact');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "CaseEvents_figures_ad" AFTER DELETE ON "CaseEvents" WHEN old."Kind" IN ('RedirectedElsewhere', 'GuardOverridden') BEGIN
                    INSERT OR IGNORE INTO "FigureDirtyDays" ("Day", "Version", "RolledVersion") SELECT c."CreatedAt" - c."CreatedAt" % 86400000000, 0, 0 FROM "Cases" c WHERE c."Id" = old."CaseId" AND c."Origin" = 'Contact';
                    UPDATE "FigureDirtyDays" SET "Version" = "Version" + 1 WHERE "Day" = (SELECT c."CreatedAt" - c."CreatedAt" % 86400000000 FROM "Cases" c WHERE c."Id" = old."CaseId" AND c."Origin" = 'Contact');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Messages_figures_ai" AFTER INSERT ON "Messages" WHEN new."Direction" = 'In' AND new."Kind" = 'Contact' BEGIN
                    INSERT OR IGNORE INTO "FigureDirtyDays" ("Day", "Version", "RolledVersion") SELECT c."CreatedAt" - c."CreatedAt" % 86400000000, 0, 0 FROM "Cases" c WHERE c."Id" = new."CaseId" AND c."Origin" = 'Contact';
                    UPDATE "FigureDirtyDays" SET "Version" = "Version" + 1 WHERE "Day" = (SELECT c."CreatedAt" - c."CreatedAt" % 86400000000 FROM "Cases" c WHERE c."Id" = new."CaseId" AND c."Origin" = 'Contact');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Messages_figures_au" AFTER UPDATE OF "CaseId", "Channel", "CreatedAt", "Direction", "Kind" ON "Messages" WHEN (old."Direction" = 'In' AND old."Kind" = 'Contact') OR (new."Direction" = 'In' AND new."Kind" = 'Contact') BEGIN
                    INSERT OR IGNORE INTO "FigureDirtyDays" ("Day", "Version", "RolledVersion") SELECT c."CreatedAt" - c."CreatedAt" % 86400000000, 0, 0 FROM "Cases" c WHERE c."Id" = old."CaseId" AND c."Origin" = 'Contact';
                    UPDATE "FigureDirtyDays" SET "Version" = "Version" + 1 WHERE "Day" = (SELECT c."CreatedAt" - c."CreatedAt" % 86400000000 FROM "Cases" c WHERE c."Id" = old."CaseId" AND c."Origin" = 'Contact');
                    INSERT OR IGNORE INTO "FigureDirtyDays" ("Day", "Version", "RolledVersion") SELECT c."CreatedAt" - c."CreatedAt" % 86400000000, 0, 0 FROM "Cases" c WHERE c."Id" = new."CaseId" AND c."Origin" = 'Contact';
                    UPDATE "FigureDirtyDays" SET "Version" = "Version" + 1 WHERE "Day" = (SELECT c."CreatedAt" - c."CreatedAt" % 86400000000 FROM "Cases" c WHERE c."Id" = new."CaseId" AND c."Origin" = 'Contact');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Messages_figures_ad" AFTER DELETE ON "Messages" WHEN old."Direction" = 'In' AND old."Kind" = 'Contact' BEGIN
                    INSERT OR IGNORE INTO "FigureDirtyDays" ("Day", "Version", "RolledVersion") SELECT c."CreatedAt" - c."CreatedAt" % 86400000000, 0, 0 FROM "Cases" c WHERE c."Id" = old."CaseId" AND c."Origin" = 'Contact';
                    UPDATE "FigureDirtyDays" SET "Version" = "Version" + 1 WHERE "Day" = (SELECT c."CreatedAt" - c."CreatedAt" % 86400000000 FROM "Cases" c WHERE c."Id" = old."CaseId" AND c."Origin" = 'Contact');
                END;
                """);
            // Marked after the triggers exist: a day written meanwhile is marked twice, never missed.
            migrationBuilder.Sql("""
                INSERT OR IGNORE INTO "FigureDirtyDays" ("Day", "Version", "RolledVersion")
                SELECT DISTINCT "CreatedAt" - "CreatedAt" % 86400000000, 1, 0 FROM "Cases" WHERE "Origin" = 'Contact';
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
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "PromiseRenegotiations_figures_ai";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "PromiseRenegotiations_figures_ad";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Surveys_figures_ai";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Surveys_figures_au";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Surveys_figures_ad";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "CaseEvents_figures_ai";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "CaseEvents_figures_au";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "CaseEvents_figures_ad";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Messages_figures_ai";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Messages_figures_au";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Messages_figures_ad";""");
            migrationBuilder.DropTable(
                name: "FigureDirtyDays");

            migrationBuilder.DropTable(
                name: "FigureRollups");
        }
    }
}
