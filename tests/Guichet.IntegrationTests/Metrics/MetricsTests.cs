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
