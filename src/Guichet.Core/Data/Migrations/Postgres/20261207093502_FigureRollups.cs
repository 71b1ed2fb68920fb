using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Guichet.Core.Data.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Day = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    RolledVersion = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FigureDirtyDays", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FigureRollups",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Day = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    TeamId = table.Column<long>(type: "bigint", nullable: false),
                    Channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    OwnerId = table.Column<long>(type: "bigint", nullable: true),
                    Data = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FigureRollups", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FigureDirtyDays_Day",
                table: "FigureDirtyDays",
                column: "Day");

            migrationBuilder.CreateIndex(
                name: "IX_FigureRollups_Day",
                table: "FigureRollups",
                column: "Day");

            // Issue 29: every change that moves a day's figures marks the day, whoever writes (FigureDirtyDay).
            // Statement triggers with transition tables: one mark per statement and day, never a row lock shared by writers.
            migrationBuilder.Sql("""
                CREATE FUNCTION figures_cases_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "FigureDirtyDays" ("Day", "Version", "RolledVersion") SELECT DISTINCT date_trunc('day', "CreatedAt", 'UTC'), 1, 0 FROM new_rows WHERE "Origin" = 'Contact';
                    RETURN NULL;
                END $$;
                CREATE TRIGGER figures_cases_inserted AFTER INSERT ON "Cases" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION figures_cases_inserted();
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION figures_cases_updated() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "FigureDirtyDays" ("Day", "Version", "RolledVersion") SELECT DISTINCT date_trunc('day', "CreatedAt", 'UTC'), 1, 0 FROM (SELECT "CreatedAt", "Origin" FROM old_rows UNION ALL SELECT "CreatedAt", "Origin" FROM new_rows) AS x WHERE "Origin" = 'Contact';
                    RETURN NULL;
                END $$;
                CREATE TRIGGER figures_cases_updated AFTER UPDATE ON "Cases" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION figures_cases_updated();
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION figures_cases_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "FigureDirtyDays" ("Day", "Version", "RolledVersion") SELECT DISTINCT date_trunc('day', "CreatedAt", 'UTC'), 1, 0 FROM old_rows WHERE "Origin" = 'Contact';
                    RETURN NULL;
                END $$;
                CREATE TRIGGER figures_cases_deleted AFTER DELETE ON "Cases" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION figures_cases_deleted();
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION figures_promises_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "FigureDirtyDays" ("Day", "Version", "RolledVersion") SELECT DISTINCT date_trunc('day', c."CreatedAt", 'UTC'), 1, 0 FROM (SELECT r."CaseId" FROM new_rows r) AS x JOIN "Cases" c ON c."Id" = x."CaseId" WHERE c."Origin" = 'Contact';
                    RETURN NULL;
                END $$;
                CREATE TRIGGER figures_promises_inserted AFTER INSERT ON "Promises" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION figures_promises_inserted();
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION figures_promises_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "FigureDirtyDays" ("Day", "Version", "RolledVersion") SELECT DISTINCT date_trunc('day', c."CreatedAt", 'UTC'), 1, 0 FROM (SELECT r."CaseId" FROM old_rows r) AS x JOIN "Cases" c ON c."Id" = x."CaseId" WHERE c."Origin" = 'Contact';
                    RETURN NULL;
                END $$;
                CREATE TRIGGER figures_promises_deleted AFTER DELETE ON "Promises" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION figures_promises_deleted();
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION figures_promises_updated() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "FigureDirtyDays" ("Day", "Version", "RolledVersion") SELECT DISTINCT date_trunc('day', c."CreatedAt", 'UTC'), 1, 0 FROM (SELECT o."CaseId" FROM old_rows o JOIN new_rows n ON n."Id" = o."Id" WHERE (o."State" IS DISTINCT FROM n."State" OR o."SilentBreach" IS DISTINCT FROM n."SilentBreach" OR o."DueAt" IS DISTINCT FROM n."DueAt" OR o."OwnerId" IS DISTINCT FROM n."OwnerId" OR o."CaseId" IS DISTINCT FROM n."CaseId") UNION SELECT n."CaseId" FROM old_rows o JOIN new_rows n ON n."Id" = o."Id" WHERE (o."State" IS DISTINCT FROM n."State" OR o."SilentBreach" IS DISTINCT FROM n."SilentBreach" OR o."DueAt" IS DISTINCT FROM n."DueAt" OR o."OwnerId" IS DISTINCT FROM n."OwnerId" OR o."CaseId" IS DISTINCT FROM n."CaseId")) AS x JOIN "Cases" c ON c."Id" = x."CaseId" WHERE c."Origin" = 'Contact';
                    RETURN NULL;
                END $$;
                CREATE TRIGGER figures_promises_updated AFTER UPDATE ON "Promises" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION figures_promises_updated();
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION figures_surveys_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "FigureDirtyDays" ("Day", "Version", "RolledVersion") SELECT DISTINCT date_trunc('day', c."CreatedAt", 'UTC'), 1, 0 FROM (SELECT r."CaseId" FROM new_rows r) AS x JOIN "Cases" c ON c."Id" = x."CaseId" WHERE c."Origin" = 'Contact';
                    RETURN NULL;
                END $$;
                CREATE TRIGGER figures_surveys_inserted AFTER INSERT ON "Surveys" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION figures_surveys_inserted();
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION figures_surveys_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "FigureDirtyDays" ("Day", "Version", "RolledVersion") SELECT DISTINCT date_trunc('day', c."CreatedAt", 'UTC'), 1, 0 FROM (SELECT r."CaseId" FROM old_rows r) AS x JOIN "Cases" c ON c."Id" = x."CaseId" WHERE c."Origin" = 'Contact';
                    RETURN NULL;
                END $$;
                CREATE TRIGGER figures_surveys_deleted AFTER DELETE ON "Surveys" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION figures_surveys_deleted();
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION figures_surveys_updated() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "FigureDirtyDays" ("Day", "Version", "RolledVersion") SELECT DISTINCT date_trunc('day', c."CreatedAt", 'UTC'), 1, 0 FROM (SELECT o."CaseId" FROM old_rows o JOIN new_rows n ON n."Id" = o."Id" WHERE (o."State" IS DISTINCT FROM n."State" OR o."Csat" IS DISTINCT FROM n."Csat" OR o."Effort" IS DISTINCT FROM n."Effort" OR o."CaseId" IS DISTINCT FROM n."CaseId") UNION SELECT n."CaseId" FROM old_rows o JOIN new_rows n ON n."Id" = o."Id" WHERE (o."State" IS DISTINCT FROM n."State" OR o."Csat" IS DISTINCT FROM n."Csat" OR o."Effort" IS DISTINCT FROM n."Effort" OR o."CaseId" IS DISTINCT FROM n."CaseId")) AS x JOIN "Cases" c ON c."Id" = x."CaseId" WHERE c."Origin" = 'Contact';
                    RETURN NULL;
                END $$;
                CREATE TRIGGER figures_surveys_updated AFTER UPDATE ON "Surveys" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION figures_surveys_updated();
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION figures_case_events_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "FigureDirtyDays" ("Day", "Version", "RolledVersion") SELECT DISTINCT date_trunc('day', c."CreatedAt", 'UTC'), 1, 0 FROM (SELECT r."CaseId" FROM new_rows r WHERE r."Kind" IN ('RedirectedElsewhere', 'GuardOverridden')) AS x JOIN "Cases" c ON c."Id" = x."CaseId" WHERE c."Origin" = 'Contact';
                    RETURN NULL;
                END $$;
                CREATE TRIGGER figures_case_events_inserted AFTER INSERT ON "CaseEvents" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION figures_case_events_inserted();
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION figures_case_events_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "FigureDirtyDays" ("Day", "Version", "RolledVersion") SELECT DISTINCT date_trunc('day', c."CreatedAt", 'UTC'), 1, 0 FROM (SELECT r."CaseId" FROM old_rows r WHERE r."Kind" IN ('RedirectedElsewhere', 'GuardOverridden')) AS x JOIN "Cases" c ON c."Id" = x."CaseId" WHERE c."Origin" = 'Contact';
                    RETURN NULL;
                END $$;
                CREATE TRIGGER figures_case_events_deleted AFTER DELETE ON "CaseEvents" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION figures_case_events_deleted();
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION figures_case_events_updated() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "FigureDirtyDays" ("Day", "Version", "RolledVersion") SELECT DISTINCT date_trunc('day', c."CreatedAt", 'UTC'), 1, 0 FROM (SELECT o."CaseId" FROM old_rows o JOIN new_rows n ON n."Id" = o."Id" WHERE (o."Kind" IS DISTINCT FROM n."Kind" OR o."To" IS DISTINCT FROM n."To" OR o."CaseId" IS DISTINCT FROM n."CaseId") AND (o."Kind" IN ('RedirectedElsewhere', 'GuardOverridden') OR n."Kind" IN ('RedirectedElsewhere', 'GuardOverridden')) UNION SELECT n."CaseId" FROM old_rows o JOIN new_rows n ON n."Id" = o."Id" WHERE (o."Kind" IS DISTINCT FROM n."Kind" OR o."To" IS DISTINCT FROM n."To" OR o."CaseId" IS DISTINCT FROM n."CaseId") AND (o."Kind" IN ('RedirectedElsewhere', 'GuardOverridden') OR n."Kind" IN ('RedirectedElsewhere', 'GuardOverridden'))) AS x JOIN "Cases" c ON c."Id" = x."CaseId" WHERE c."Origin" = 'Contact';
                    RETURN NULL;
                END $$;
                CREATE TRIGGER figures_case_events_updated AFTER UPDATE ON "CaseEvents" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION figures_case_events_updated();
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION figures_messages_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "FigureDirtyDays" ("Day", "Version", "RolledVersion") SELECT DISTINCT date_trunc('day', c."CreatedAt", 'UTC'), 1, 0 FROM (SELECT r."CaseId" FROM new_rows r WHERE r."Direction" = 'In' AND r."Kind" = 'Contact') AS x JOIN "Cases" c ON c."Id" = x."CaseId" WHERE c."Origin" = 'Contact';
                    RETURN NULL;
                END $$;
                CREATE TRIGGER figures_messages_inserted AFTER INSERT ON "Messages" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION figures_messages_inserted();
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION figures_messages_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "FigureDirtyDays" ("Day", "Version", "RolledVersion") SELECT DISTINCT date_trunc('day', c."CreatedAt", 'UTC'), 1, 0 FROM (SELECT r."CaseId" FROM old_rows r WHERE r."Direction" = 'In' AND r."Kind" = 'Contact') AS x JOIN "Cases" c ON c."Id" = x."CaseId" WHERE c."Origin" = 'Contact';
                    RETURN NULL;
                END $$;
                CREATE TRIGGER figures_messages_deleted AFTER DELETE ON "Messages" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION figures_messages_deleted();
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION figures_messages_updated() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "FigureDirtyDays" ("Day", "Version", "RolledVersion") SELECT DISTINCT date_trunc('day', c."CreatedAt", 'UTC'), 1, 0 FROM (SELECT o."CaseId" FROM old_rows o JOIN new_rows n ON n."Id" = o."Id" WHERE (o."CaseId" IS DISTINCT FROM n."CaseId" OR o."Channel" IS DISTINCT FROM n."Channel" OR o."CreatedAt" IS DISTINCT FROM n."CreatedAt" OR o."Direction" IS DISTINCT FROM n."Direction" OR o."Kind" IS DISTINCT FROM n."Kind") AND (o."Direction" = 'In' AND o."Kind" = 'Contact' OR n."Direction" = 'In' AND n."Kind" = 'Contact') UNION SELECT n."CaseId" FROM old_rows o JOIN new_rows n ON n."Id" = o."Id" WHERE (o."CaseId" IS DISTINCT FROM n."CaseId" OR o."Channel" IS DISTINCT FROM n."Channel" OR o."CreatedAt" IS DISTINCT FROM n."CreatedAt" OR o."Direction" IS DISTINCT FROM n."Direction" OR o."Kind" IS DISTINCT FROM n."Kind") AND (o."Direction" = 'In' AND o."Kind" = 'Contact' OR n."Direction" = 'In' AND n."Kind" = 'Contact')) AS x JOIN "Cases" c ON c."Id" = x."CaseId" WHERE c."Origin" = 'Contact';
                    RETURN NULL;
                END $$;
                CREATE TRIGGER figures_messages_updated AFTER UPDATE ON "Messages" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION figures_messages_updated();
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION figures_renegotiations_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "FigureDirtyDays" ("Day", "Version", "RolledVersion") SELECT DISTINCT date_trunc('day', c."CreatedAt", 'UTC'), 1, 0 FROM (SELECT p."CaseId" FROM new_rows r JOIN "Promises" p ON p."Id" = r."PromiseId") AS x JOIN "Cases" c ON c."Id" = x."CaseId" WHERE c."Origin" = 'Contact';
                    RETURN NULL;
                END $$;
                CREATE TRIGGER figures_renegotiations_inserted AFTER INSERT ON "PromiseRenegotiations" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION figures_renegotiations_inserted();
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION figures_renegotiations_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "FigureDirtyDays" ("Day", "Version", "RolledVersion") SELECT DISTINCT date_trunc('day', c."CreatedAt", 'UTC'), 1, 0 FROM (SELECT p."CaseId" FROM old_rows r JOIN "Promises" p ON p."Id" = r."PromiseId") AS x JOIN "Cases" c ON c."Id" = x."CaseId" WHERE c."Origin" = 'Contact';
                    RETURN NULL;
                END $$;
                CREATE TRIGGER figures_renegotiations_deleted AFTER DELETE ON "PromiseRenegotiations" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION figures_renegotiations_deleted();
                """);
            // Marked after the triggers exist: a day written meanwhile is marked twice, never missed.
            migrationBuilder.Sql("""
                INSERT INTO "FigureDirtyDays" ("Day", "Version", "RolledVersion")
                SELECT DISTINCT date_trunc('day', "CreatedAt", 'UTC'), 1, 0 FROM "Cases" WHERE "Origin" = 'Contact';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS figures_cases_inserted ON "Cases"; DROP FUNCTION IF EXISTS figures_cases_inserted();""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS figures_cases_updated ON "Cases"; DROP FUNCTION IF EXISTS figures_cases_updated();""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS figures_cases_deleted ON "Cases"; DROP FUNCTION IF EXISTS figures_cases_deleted();""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS figures_promises_inserted ON "Promises"; DROP FUNCTION IF EXISTS figures_promises_inserted();""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS figures_promises_deleted ON "Promises"; DROP FUNCTION IF EXISTS figures_promises_deleted();""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS figures_promises_updated ON "Promises"; DROP FUNCTION IF EXISTS figures_promises_updated();""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS figures_surveys_inserted ON "Surveys"; DROP FUNCTION IF EXISTS figures_surveys_inserted();""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS figures_surveys_deleted ON "Surveys"; DROP FUNCTION IF EXISTS figures_surveys_deleted();""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS figures_surveys_updated ON "Surveys"; DROP FUNCTION IF EXISTS figures_surveys_updated();""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS figures_case_events_inserted ON "CaseEvents"; DROP FUNCTION IF EXISTS figures_case_events_inserted();""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS figures_case_events_deleted ON "CaseEvents"; DROP FUNCTION IF EXISTS figures_case_events_deleted();""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS figures_case_events_updated ON "CaseEvents"; DROP FUNCTION IF EXISTS figures_case_events_updated();""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS figures_messages_inserted ON "Messages"; DROP FUNCTION IF EXISTS figures_messages_inserted();""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS figures_messages_deleted ON "Messages"; DROP FUNCTION IF EXISTS figures_messages_deleted();""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS figures_messages_updated ON "Messages"; DROP FUNCTION IF EXISTS figures_messages_updated();""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS figures_renegotiations_inserted ON "PromiseRenegotiations"; DROP FUNCTION IF EXISTS figures_renegotiations_inserted();""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS figures_renegotiations_deleted ON "PromiseRenegotiations"; DROP FUNCTION IF EXISTS figures_renegotiations_deleted();""");
            migrationBuilder.DropTable(
                name: "FigureDirtyDays");

            migrationBuilder.DropTable(
                name: "FigureRollups");
        }
    }
}
