using System.Globalization;
using System.Text.Json;
using Guichet.Core.Metrics;
using Guichet.Core.Teams;
using Guichet.Testing;
using Microsoft.EntityFrameworkCore;

namespace Guichet.IntegrationTests.Metrics;

/// <summary>
/// Issue 29: the dashboard's figures read from the day rollups are exactly those recomputed from the
/// rows, on random cases, after writes of every kind — the API, statements over many rows, rows
/// moved between cases of other days, a case's opening moved, contacts written, moved and deleted,
/// renegotiations and cases deleted — before the days are rolled up again and after.
/// </summary>
public abstract class FigureRollupTests(GuichetServer server)
{
    private static readonly string[] Channels = ["email", "portal", "chat", "phone"];

    [Fact]
    public async Task Figures_from_the_rollups_equal_a_full_recomputation_on_random_cases_after_any_writes()
    {
        server.SkipIfUnavailable();
        var random = new Random(2029);
        await server.ReadDbAsync(async db =>
        {
            if (!await db.Teams.AnyAsync(t => t.Slug == "litiges"))
            {
                db.Teams.Add(new Team { Slug = "litiges", Name = "Litiges", TimeZone = "Europe/Paris", Hours = "mon-fri 09:00-17:00" });
                await db.SaveChangesAsync();
            }
            return 0;
        });
        var start = server.Clock.GetUtcNow();
        var ids = new List<string>();
        for (var i = 0; i < 36; i++)
        {
            server.Clock.Advance(TimeSpan.FromMinutes(30 + random.Next(600)));
            var (_, c) = await server.Api.PostJsonAsync("/api/cases", new
            {
                customer = new { name = $"Client {i}", email = $"rollup{i}@example.fr", language = "fr" },
                channel = Channels[random.Next(Channels.Length)], subject = $"Demande {i}", body = $"Bonjour, ma demande numéro {i} concerne une commande.",
                team = random.Next(3) == 0 ? "litiges" : "service-client",
            });
            var id = c.Str("id");
            ids.Add(id);
            if (random.Next(3) > 0)
            {
                (await server.Api.PostJsonAsync($"/api/cases/{id}/messages", new { direction = "out", body = "Bonjour, je m'occupe de votre demande." })).Response.EnsureSuccessStatusCode();
            }
            if (random.Next(3) == 0)
            {
                var (_, p) = await server.Api.PostJsonAsync($"/api/cases/{id}/promises", new { what = "Rappeler", dueAt = server.Clock.GetUtcNow().AddHours(2 + random.Next(30)) });
                if (random.Next(2) == 0)
                {
                    (await server.Api.PostJsonAsync($"/api/promises/{p.Str("id")}/renegotiate", new { newDueAt = server.Clock.GetUtcNow().AddDays(3) })).Response.EnsureSuccessStatusCode();
                }
            }
        }
        var end = server.Clock.GetUtcNow();
        MetricFilter[] filters =
        [
            new(start.AddDays(-1), end.AddDays(1)),
            new(start.AddHours(5), end.AddHours(-7)),
            new(start.AddDays(-1), end.AddDays(1), Team: "litiges"),
            new(start.AddDays(-1), end.AddDays(1), Channel: Core.Channel.Phone),
        ];
        await AssertSameAsync(filters, "before any rollup");
        await RollUpAsync();
        Assert.Equal(0, await server.ReadDbAsync(db => db.FigureDirtyDays.CountAsync(d => d.Version > d.RolledVersion)));
        Assert.True(await server.ReadDbAsync(db => db.FigureRollups.CountAsync()) > 0);
        await AssertSameAsync(filters, "rolled up");

        // Writes by other paths: statements over many cases, surveys, a redirect, deletes.
        var mine = $"\"Id\" IN ({string.Join(", ", ids)})";
        var hours = server.Provider == "PostgreSQL" ? "\"CreatedAt\" + INTERVAL '1 hour' * " : "\"CreatedAt\" + 3600000000 * ";
        var agent = await server.ReadDbAsync(db => db.Agents.Select(a => a.Id).FirstAsync());
        var caseIds = string.Join(", ", ids);
        var messageColumns = await server.ReadDbAsync(db => Task.FromResult(Columns(db, typeof(Core.Cases.Message))));
        for (var round = 0; round < 4; round++)
        {
            var (m, r) = (2 + random.Next(4), random.Next(2));
            var (a, b) = (ids[random.Next(ids.Count - 5)], ids[random.Next(ids.Count - 5)]);
            string[] statements =
            [
                $"""UPDATE "Cases" SET "Status" = 'Resolved', "ResolvedAt" = {hours}{1 + random.Next(40)} WHERE {mine} AND "Id" % {m} = {r}""",
                $"""UPDATE "Cases" SET "Transfers" = "Transfers" + 1, "ReExplanations" = {round % 2}, "ContactCount" = 2 WHERE {mine} AND "Id" % 5 = {round}""",
                $"""UPDATE "Cases" SET "OwnerId" = {(round % 2 == 0 ? agent.ToString(CultureInfo.InvariantCulture) : "NULL")} WHERE {mine} AND "Id" % 3 = {round % 3}""",
                $"""UPDATE "Cases" SET "TeamId" = (SELECT "Id" FROM "Teams" WHERE "Slug" = 'litiges') WHERE {mine} AND "Id" % 7 = {round}""",
                $"""
                INSERT INTO "Surveys" ("CaseId", "State", "ScheduledAt", "Token", "Csat", "Effort")
                SELECT "Id", 'Answered', "CreatedAt", 'rollup-' || "Id" || '-{round}', 1 + "Id" % 5, 1 + "Id" % 7 FROM "Cases" WHERE {mine} AND "Id" % 4 = {round}
                AND NOT EXISTS (SELECT 1 FROM "Surveys" s WHERE s."CaseId" = "Cases"."Id")
                """,
                $"""UPDATE "Surveys" SET "Csat" = 5 WHERE "Token" LIKE 'rollup-%' AND "Id" % 2 = {round % 2}""",
                $"""UPDATE "Promises" SET "State" = 'Broken', "SilentBreach" = {(server.Provider == "PostgreSQL" ? "TRUE" : "1")} WHERE "CaseId" IN ({string.Join(", ", ids)}) AND "Id" % 4 = {round}""",
                $"""
                INSERT INTO "CaseEvents" ("CaseId", "Kind", "At", "ActorName", "To")
                SELECT "Id", 'RedirectedElsewhere', "CreatedAt", 'Test', 'hotline' FROM "Cases" WHERE {mine} AND "Id" % 6 = {round}
                """,
                $"""DELETE FROM "Surveys" WHERE "Token" LIKE 'rollup-%' AND "Id" % 5 = {round}""",
                // Rows moved between cases of other days, a case's opening moved, a contact written by statement, then moved and deleted.
                $"""UPDATE "Promises" SET "CaseId" = {b} WHERE "CaseId" = {a}""",
                $"""UPDATE "Surveys" SET "CaseId" = {a} WHERE "CaseId" = {b} AND NOT EXISTS (SELECT 1 FROM "Surveys" s WHERE s."CaseId" = {a})""",
                $"""UPDATE "Cases" SET "CreatedAt" = {hours}{-30 - round * 7} WHERE "Id" = {ids[round * 3]}""",
                $"""
                INSERT INTO "Messages" ({messageColumns}) SELECT {messageColumns.Replace("\"CaseId\"", b, StringComparison.Ordinal).Replace("\"InternetMessageId\"", "NULL", StringComparison.Ordinal)} FROM "Messages"
                WHERE "CaseId" IN ({caseIds}) AND "Direction" = 'In' AND "Kind" = 'Contact' AND "Id" % 3 = {round % 3}
                """,
                $"""UPDATE "Messages" SET "Channel" = 'Phone' WHERE "CaseId" = {a} AND "Direction" = 'In'""",
                $"""DELETE FROM "PromiseRenegotiations" WHERE "PromiseId" IN (SELECT "Id" FROM "Promises" WHERE "CaseId" IN ({caseIds}) AND "Id" % 2 = {round % 2})""",
                $"""DELETE FROM "Cases" WHERE "Id" = {ids[^(round + 1)]}""",
            ];
            await server.ReadDbAsync(async db =>
            {
                foreach (var sql in statements)
                {
                    await db.Database.ExecuteSqlRawAsync(sql);
                }
                return 0;
            });
            // Through the API too: a customer writes again on another channel.
            (await server.Api.PostJsonAsync($"/api/cases/{ids[random.Next(ids.Count - 5)]}/messages", new { direction = "in", body = "Je vous appelle à ce sujet.", channel = "phone" })).Response.EnsureSuccessStatusCode();
            server.Clock.Advance(TimeSpan.FromHours(random.Next(30)));
            await AssertSameAsync(filters, $"round {round}, days changed since their rollup");
            await RollUpAsync();
            await AssertSameAsync(filters, $"round {round}, rolled up again");
        }
    }

    /// <summary>Every column of an entity's table but its key, as a statement's column list.</summary>
    private static string Columns(Core.Data.GuichetDb db, Type entity) =>
        string.Join(", ", db.Model.FindEntityType(entity)!.GetProperties().Where(p => !p.IsPrimaryKey() && p.GetComputedColumnSql() is null).Select(p => $"\"{p.GetColumnName()}\""));

    private Task RollUpAsync() => server.ReadDbAsync(db => FigureRollups.RefreshAsync(db, 1_000, default));

    private async Task AssertSameAsync(MetricFilter[] filters, string when)
    {
        foreach (var filter in filters)
        {
            foreach (var grouping in (MetricGrouping[])[MetricGrouping.Team, MetricGrouping.Agent, MetricGrouping.Day, MetricGrouping.Week])
            {
                var (read, recomputed) = await server.ReadDbAsync(async db => (
                    await ServiceFigures.ReadAsync(db, server.Clock, filter, grouping),
                    await ServiceFigures.RecomputeAsync(db, server.Clock, filter, grouping)));
                Assert.True(recomputed.Effort.Cases > 0 || filter.Channel is not null, $"{when}: the filter covers cases");
                Assert.Equal(JsonSerializer.Serialize(recomputed), JsonSerializer.Serialize(read));
            }
        }
    }
}

public sealed class FigureRollupsOnSqlite(SqliteServer server) : FigureRollupTests(server), IClassFixture<SqliteServer>;
public sealed class FigureRollupsOnPostgres(PostgresServer server) : FigureRollupTests(server), IClassFixture<PostgresServer>;
