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
                    Version = table.Column<long>(type: "bigint", nullable: false)
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
            // One row a change: writers never wait on one another.
            migrationBuilder.Sql("""
                INSERT INTO "FigureDirtyDays" ("Day", "Version")
                SELECT DISTINCT date_trunc('day', "CreatedAt", 'UTC'), 0 FROM "Cases" WHERE "Origin" = 'Contact';
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION figures_mark_day() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    created timestamptz;
                BEGIN
                    IF TG_TABLE_NAME = 'Cases' THEN
                        IF TG_OP = 'DELETE' THEN
                            IF OLD."Origin" = 'Contact' THEN
                                created := OLD."CreatedAt";
                            END IF;
                        ELSIF NEW."Origin" = 'Contact' OR (TG_OP = 'UPDATE' AND OLD."Origin" = 'Contact') THEN
                            created := NEW."CreatedAt";
                        END IF;
                    ELSIF TG_OP = 'DELETE' THEN
                        SELECT c."CreatedAt" INTO created FROM "Cases" c WHERE c."Id" = OLD."CaseId" AND c."Origin" = 'Contact';
                    ELSE
                        SELECT c."CreatedAt" INTO created FROM "Cases" c WHERE c."Id" = NEW."CaseId" AND c."Origin" = 'Contact';
                    END IF;
                    IF created IS NOT NULL THEN
                        INSERT INTO "FigureDirtyDays" ("Day", "Version") VALUES (date_trunc('day', created, 'UTC'), 0);
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER cases_figures AFTER INSERT OR UPDATE OR DELETE ON "Cases" FOR EACH ROW EXECUTE FUNCTION figures_mark_day();
                CREATE TRIGGER promises_figures AFTER INSERT OR DELETE ON "Promises" FOR EACH ROW EXECUTE FUNCTION figures_mark_day();
                CREATE TRIGGER promises_figures_update AFTER UPDATE OF "State", "SilentBreach", "DueAt", "OwnerId" ON "Promises" FOR EACH ROW EXECUTE FUNCTION figures_mark_day();
                CREATE TRIGGER surveys_figures AFTER INSERT OR DELETE ON "Surveys" FOR EACH ROW EXECUTE FUNCTION figures_mark_day();
                CREATE TRIGGER surveys_figures_update AFTER UPDATE OF "State", "Csat", "Effort", "CaseId" ON "Surveys" FOR EACH ROW EXECUTE FUNCTION figures_mark_day();
                CREATE TRIGGER case_events_figures AFTER INSERT ON "CaseEvents" FOR EACH ROW WHEN (NEW."Kind" IN ('RedirectedElsewhere', 'GuardOverridden')) EXECUTE FUNCTION figures_mark_day();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS cases_figures ON "Cases";
                DROP TRIGGER IF EXISTS promises_figures ON "Promises";
                DROP TRIGGER IF EXISTS promises_figures_update ON "Promises";
                DROP TRIGGER IF EXISTS surveys_figures ON "Surveys";
                DROP TRIGGER IF EXISTS surveys_figures_update ON "Surveys";
                DROP TRIGGER IF EXISTS case_events_figures ON "CaseEvents";
                DROP FUNCTION IF EXISTS figures_mark_day();
                """);
            migrationBuilder.DropTable(
                name: "FigureDirtyDays");

            migrationBuilder.DropTable(
                name: "FigureRollups");
        }
    }
}
