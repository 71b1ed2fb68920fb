using System.Diagnostics.Metrics;
using System.Net;
using Guichet.Features.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Guichet.Core.Teams;
using Guichet.Testing;
using Microsoft.EntityFrameworkCore;

namespace Guichet.IntegrationTests.Metrics;

/// <summary>SPEC M2–M4 through /api/metrics: a scripted case's effort is exactly right, and the tables agree with it.</summary>
public abstract class MetricsTests(GuichetServer server)
{
    private const string Story = "Bonjour, ma valise est restée à Francfort après le vol LH1034 du 14, étiquette FRA 123456, merci de la faire livrer chez moi à Lyon.";

    private async Task EnsureLitigesAsync() => await server.ReadDbAsync(async db =>
    {
        if (!await db.Teams.AnyAsync(t => t.Slug == "litiges"))
        {
            db.Teams.Add(new Team { Slug = "litiges", Name = "Litiges", TimeZone = "Europe/Paris", Hours = "mon-fri 09:00-17:00" });
            await db.SaveChangesAsync();
        }
        return 0;
    });

    [Fact]
    public async Task A_scripted_case_of_two_channels_one_transfer_one_repeat_and_three_contacts_has_exactly_that_effort()
    {
        server.SkipIfUnavailable();
        await EnsureLitigesAsync();
        var (_, c) = await server.Api.PostJsonAsync("/api/cases", new
        {
            customer = new { name = "Nora Effort", email = "nora.effort@example.fr", language = "fr", timeZone = "Europe/Paris" },
            channel = "email", subject = "Valise perdue", body = Story, team = "service-client",
        });
        var id = c.Str("id");
        await server.AdvanceAsync(TimeSpan.FromHours(2));
        // Second contact, on chat, telling the whole story again.
        (await server.Api.PostJsonAsync($"/api/cases/{id}/messages", new { direction = "in", channel = "chat", body = Story })).Response.EnsureSuccessStatusCode();
        (await server.Api.PostJsonAsync($"/api/cases/{id}/transfer", new { team = "litiges", note = "Indemnisation du bagage : à décider par les litiges." })).Response.EnsureSuccessStatusCode();
        await server.AdvanceAsync(TimeSpan.FromHours(1));
        (await server.Api.PostJsonAsync($"/api/cases/{id}/messages", new { direction = "out", body = "Bonjour Nora Effort, votre valise sera livrée jeudi à Lyon." })).Response.EnsureSuccessStatusCode();
        await server.AdvanceAsync(TimeSpan.FromHours(1));
        // Third contact, on chat again: no new switch.
        (await server.Api.PostJsonAsync($"/api/cases/{id}/messages", new { direction = "in", channel = "chat", body = "Merci, jeudi me convient." })).Response.EnsureSuccessStatusCode();
        (await server.Api.PostJsonAsync($"/api/cases/{id}/resolve", new { })).Response.EnsureSuccessStatusCode();

        var (ok, effort) = await server.Api.GetJsonAsync($"/api/metrics/cases/{id}");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(
            ("3", "2", "1", "1", "1", "0", "false"),
            (effort.Str("contacts"), effort.Str("repeatContacts"), effort.Str("channelSwitches"), effort.Str("transfers"), effort.Str("reExplanations"), effort.Str("hotlineRedirects"), effort.Str("calledAfterWritingOnline")));
        Assert.Equal("3", effort.Str("firstHumanAnswerHours"));
        Assert.Equal("4", effort.Str("resolutionHours"));
        // Score 2 repeats + 1 switch + 1 transfer + 1 re-explanation = 5: high effort, all five irritants but calling.
        Assert.Equal(("5", "true", "true", "true", "true"), (effort.Str("score"), effort.Str("highEffort"), effort.Str("reExplained"), effort.Str("transferred"), effort.Str("severalContacts")));

        // The same case in the tables, cut by agent and by channel, over the hour it was opened.
        var from = Uri.EscapeDataString(DateTimeOffset.Parse(c.Str("createdAt"), System.Globalization.CultureInfo.InvariantCulture).ToString("O"));
        var to = Uri.EscapeDataString(DateTimeOffset.Parse(c.Str("createdAt"), System.Globalization.CultureInfo.InvariantCulture).AddSeconds(1).ToString("O"));
        var (_, table) = await server.Api.GetJsonAsync($"/api/metrics/effort?from={from}&to={to}&team=litiges&by=channel");
        var row = Assert.Single(table["rows"]!.AsArray())!;
        Assert.Equal(("email", "1", "3", "2", "1", "1", "1"), (row.Str("group"), row.Str("cases"), row.Str("contacts"), row.Str("repeatContacts"), row.Str("channelSwitches"), row.Str("transfers"), row.Str("reExplanations")));
        Assert.Equal(("1", "0", "1", "1", "1"), (row.Str("reExplainedShare"), row.Str("calledAfterWritingShare"), row.Str("highEffortShare"), row.Str("transferredShare"), row.Str("severalContactsShare")));
        var (_, parity) = await server.Api.GetJsonAsync($"/api/metrics/channels?from={from}&to={to}&team=litiges");
        var email = Assert.Single(parity["rows"]!.AsArray())!;
        Assert.Equal(("email", "1", "3", "4"), (email.Str("channel"), email.Str("answered"), email.Str("firstResponseMedianHours"), email.Str("resolutionMedianHours")));

        var csv = await server.Api.GetStringAsync($"/api/metrics/effort?from={from}&to={to}&team=litiges&by=channel&format=csv", TestContext.Current.CancellationToken);
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("group,cases,contacts,repeatContacts,channelSwitches,transfers,reExplanations,hotlineRedirects,", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("email,1,3,2,1,1,1,0,3,3,4,1,0,1,1,1", lines[1], StringComparison.Ordinal);
    }

    /// <summary>Issue 29: the promise counters come from the database's tally; after any writes, by any path, they equal a count of every promise.</summary>
    [Fact]
    public async Task The_promise_counters_kept_by_the_database_equal_a_full_recount_after_random_writes_by_any_path()
    {
        server.SkipIfUnavailable();
        // A second of its own: the other tests read the figures of the cases opened in their second.
        server.Clock.Advance(TimeSpan.FromSeconds(2));
        var random = new Random(29);
        var cases = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            var (_, c) = await server.Api.PostJsonAsync("/api/cases", Contacts.French($"tally{i}@example.fr"));
            cases.Add(c.Str("id"));
            if (random.Next(3) == 0)
            {
                (await server.Api.PostJsonAsync($"/api/cases/{c.Str("id")}/messages", new { direction = "out", body = "Bonjour, je m'en occupe." })).Response.EnsureSuccessStatusCode();
            }
            var (_, p) = await server.Api.PostJsonAsync($"/api/cases/{c.Str("id")}/promises", new { what = "Rappeler", dueAt = server.Clock.GetUtcNow().AddHours(1 + random.Next(48)) });
            if (random.Next(2) == 0)
            {
                (await server.Api.PostJsonAsync($"/api/promises/{p.Str("id")}/renegotiate", new { newDueAt = server.Clock.GetUtcNow().AddDays(4) })).Response.EnsureSuccessStatusCode();
            }
        }
        await AssertCountsAsync();
        // Only this test's cases' promises are rewritten: the other tests' figures stay theirs.
        var mine = $"\"CaseId\" IN ({string.Join(", ", cases)})";

        // Writes that pass EF Core by: statements over many rows, a copy of rows, deletes, a silent breach set by hand.
        for (var round = 0; round < 6; round++)
        {
            var (state, modulo, rest) = (new[] { "Kept", "Broken", "Open", "Renegotiated" }[random.Next(4)], 2 + random.Next(4), random.Next(2));
            await server.ReadDbAsync(async db =>
            {
                var flip = db.Database.IsNpgsql() ? "NOT \"SilentBreach\"" : "1 - \"SilentBreach\"";
                string[] statements =
                [
                    $"""UPDATE "Promises" SET "State" = '{state}' WHERE {mine} AND "Id" % {modulo} = {rest}""",
                    $"""UPDATE "Promises" SET "SilentBreach" = {flip} WHERE {mine} AND "Id" % 7 = {round}""",
                    $"""
                    INSERT INTO "Promises" ("CaseId", "Kind", "What", "CreatedAt", "DueAt", "State", "ToConfirm", "SilentBreach", "ScheduledFrom", "NoticeAt")
                    SELECT "CaseId", "Kind", 'copie', "CreatedAt", "DueAt", "State", "ToConfirm", "SilentBreach", "ScheduledFrom", "NoticeAt" FROM "Promises" WHERE {mine} AND "Id" % 5 = 0
                    """,
                    $"""DELETE FROM "Promises" WHERE "What" = 'copie' AND "Id" % 3 = {round % 3}""",
                ];
                foreach (var sql in statements)
                {
                    await db.Database.ExecuteSqlRawAsync(sql);
                }
                return 0;
            });
            await AssertCountsAsync();
            if (round % 2 == 1)
            {
                await server.ReadDbAsync(db => Core.Promises.PromiseTally.FoldAsync(db, default));
                await AssertCountsAsync();
            }
        }
        // Through the API, which reads the same counters.
        var (_, api) = await server.Api.GetJsonAsync("/api/metrics/promises");
        var recount = await server.ReadDbAsync(db => RecountAsync(db));
        Assert.Equal((recount.Open, recount.Kept, recount.Broken, recount.SilentBreaches), (int.Parse(api.Str("open"), System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(api.Str("kept"), System.Globalization.CultureInfo.InvariantCulture), int.Parse(api.Str("broken"), System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(api.Str("silentBreaches"), System.Globalization.CultureInfo.InvariantCulture)));
        server.Clock.Advance(TimeSpan.FromSeconds(2));

        async Task AssertCountsAsync()
        {
            var (kept, full) = await server.ReadDbAsync(async db => (await Core.Metrics.PromiseCounts.ReadAsync(db, server.Clock), await RecountAsync(db)));
            Assert.Equal(full, kept);
        }
    }

    /// <summary>The counters as they were computed before issue 29: every promise read.</summary>
    private async Task<Core.Metrics.PromiseCounts> RecountAsync(Core.Data.GuichetDb db)
    {
        var now = server.Clock.GetUtcNow();
        var promises = db.Promises.Where(p => p.Case.Origin != Core.Cases.CaseOrigin.TestJourney);
        var byState = await promises.GroupBy(p => p.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        var silent = await promises.CountAsync(p => p.SilentBreach || ((p.State == Core.Promises.PromiseState.Open || p.State == Core.Promises.PromiseState.Renegotiated) && p.DueAt <= now));
        int Count(Core.Promises.PromiseState s) => byState.FirstOrDefault(x => x.Key == s)?.Count ?? 0;
        return new(Count(Core.Promises.PromiseState.Open), Count(Core.Promises.PromiseState.Kept), Count(Core.Promises.PromiseState.Renegotiated), Count(Core.Promises.PromiseState.Broken), silent);
    }

    [Fact]
    public async Task Promise_keeping_counts_per_team_and_owner_and_forecasts_the_next_24_hours()
    {
        server.SkipIfUnavailable();
        var (_, c) = await server.Api.PostJsonAsync("/api/cases", Contacts.French("keeping@example.fr"));
        var id = c.Str("id");
        var created = DateTimeOffset.Parse(c.Str("createdAt"), System.Globalization.CultureInfo.InvariantCulture);
        (await server.Api.PostJsonAsync($"/api/cases/{id}/messages", new { direction = "out", body = "Bonjour Julien Rio, je m'en occupe." })).Response.EnsureSuccessStatusCode();
        var (_, soon) = await server.Api.PostJsonAsync($"/api/cases/{id}/promises", new { what = "Rappeler la cliente", dueAt = server.Clock.GetUtcNow().AddHours(5) });
        var (_, later) = await server.Api.PostJsonAsync($"/api/cases/{id}/promises", new { what = "Envoyer le bon", dueAt = server.Clock.GetUtcNow().AddDays(3) });
        (await server.Api.PostJsonAsync($"/api/promises/{later.Str("id")}/renegotiate", new { newDueAt = server.Clock.GetUtcNow().AddDays(4) })).Response.EnsureSuccessStatusCode();

        var from = Uri.EscapeDataString(created.ToString("O"));
        var to = Uri.EscapeDataString(created.AddSeconds(1).ToString("O"));
        var (_, keeping) = await server.Api.GetJsonAsync($"/api/metrics/promise-keeping?from={from}&to={to}");
        var total = keeping["total"]!;
        // The first answer (kept by the reply), the call back (open) and the voucher (renegotiated, open).
        Assert.Equal(("3", "1", "2", "1", "0", "0"), (total.Str("made"), total.Str("kept"), total.Str("open"), total.Str("renegotiated"), total.Str("broken"), total.Str("silentBreaches")));
        var (_, forecast) = await server.Api.GetJsonAsync($"/api/metrics/promises/forecast?team=service-client");
        Assert.Contains(forecast["promises"]!.AsArray(), p => p!.Str("id") == soon.Str("id"));
        Assert.DoesNotContain(forecast["promises"]!.AsArray(), p => p!.Str("id") == later.Str("id"));
        Assert.True(forecast["perHour"]!.AsArray().Count == 24);
    }

    [Fact]
    public async Task The_OpenTelemetry_gauges_give_the_figures_of_the_api()
    {
        server.SkipIfUnavailable();
        await server.Api.PostJsonAsync("/api/cases", Contacts.French("otel@example.fr"));
        // Moving the clock runs the due work, the gauges' snapshot last.
        await server.AdvanceAsync(TimeSpan.FromMinutes(1));
        var meter = server.Services.GetRequiredService<ServiceMeter>().Meter;
        var seen = new List<(string Name, double Value, Dictionary<string, string?> Tags)>();
        using (var listener = new MeterListener())
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter, meter))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
                seen.Add((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value?.ToString()))));
            listener.Start();
            listener.RecordObservableInstruments();
        }
        var (_, effort) = await server.Api.GetJsonAsync("/api/metrics/effort");
        var (_, promises) = await server.Api.GetJsonAsync("/api/metrics/promises");
        var rows = effort["rows"]!.AsArray();
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            var gauge = Assert.Single(seen, m => m.Name == "guichet.effort.cases" && m.Tags["team"] == row!.Str("group"));
            Assert.Equal(row!.Str("cases"), gauge.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        foreach (var (state, field) in new[] { ("open", "open"), ("kept", "kept"), ("silentBreach", "silentBreaches") })
        {
            var gauge = Assert.Single(seen, m => m.Name == "guichet.promises" && m.Tags["state"] == state);
            Assert.Equal(promises.Str(field), gauge.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task Bad_filters_are_refused_naming_the_parameter_and_agents_cannot_read_team_figures()
    {
        server.SkipIfUnavailable();
        (await server.Api.GetJsonAsync("/api/metrics/effort?from=yesterday")).AssertProblemNames(400, "from");
        (await server.Api.GetJsonAsync("/api/metrics/effort?team=nobody")).AssertProblemNames(400, "team");
        (await server.Api.GetJsonAsync("/api/metrics/channels?channel=fax")).AssertProblemNames(400, "channel");
        (await server.Api.GetJsonAsync("/api/metrics/effort?by=planet")).AssertProblemNames(400, "by");
        (await server.Api.GetJsonAsync("/api/metrics?from=2026-12-01&to=2026-11-01")).AssertProblemNames(400, "from");
        using var agent = await Browserless.SignInAsync(server, "plain.metrics@guichet.test", "Agent Simple");
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/metrics/effort")).Status);
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/api/metrics/promises")).Status);
    }
}

public sealed class MetricsOnSqlite(SqliteServer server) : MetricsTests(server), IClassFixture<SqliteServer>;
public sealed class MetricsOnPostgres(PostgresServer server) : MetricsTests(server), IClassFixture<PostgresServer>;
