using System.Net;
using System.Text.Json.Nodes;
using Guichet.Core.Webhooks;
using Guichet.Testing;
using Microsoft.EntityFrameworkCore;

namespace Guichet.IntegrationTests.Webhooks;

/// <summary>
/// Issue 27 (W10): what happens on cases reaches a receiver the test runs, signed; a refusal is
/// retried with backoff, an endpoint that keeps refusing is paused and the admins told, and
/// nothing waiting is lost across a restart.
/// </summary>
public abstract class WebhookTests(GuichetServer server)
{
    [Fact]
    public async Task Events_reach_the_endpoint_signed_retried_after_a_refusal_and_paused_when_it_keeps_failing()
    {
        server.SkipIfUnavailable();
        await using var receiver = await WebhookReceiver.StartAsync();
        (await server.Api.PostJsonAsync("/api/webhooks", new { url = "ftp://example.fr/x", events = new[] { "*" } })).AssertProblemNames(400, "url");
        (await server.Api.PostJsonAsync("/api/webhooks", new { url = receiver.Url, events = new[] { "case.exploded" } })).AssertProblemNames(400, "events");
        var (made, hook) = await server.Api.PostJsonAsync("/api/webhooks", new { url = receiver.Url, events = new[] { "case.opened", "case.agent_replied", "case.status_changed" } });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var secret = hook.Str("secret");
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        var (_, listed) = await server.Api.GetJsonAsync("/api/webhooks");
        Assert.DoesNotContain(secret, listed.ToJsonString(), StringComparison.Ordinal);

        // A case opens and is answered: two deliveries, signed, without the customer's words.
        var (_, opened) = await server.Api.PostJsonAsync("/api/cases", Contacts.French($"hook.{Guid.NewGuid():N}@example.fr"));
        var caseId = opened.Str("id");
        (await server.Api.PostJsonAsync($"/api/cases/{caseId}/messages", new { direction = "out", body = "Bonjour Julien Rio, c'est en cours." })).Response.EnsureSuccessStatusCode();
        await server.AdvanceAsync(TimeSpan.FromSeconds(1));
        var mine = Mine(receiver, caseId);
        // The reply also opened the case (new → open): three events, in the order they were written.
        Assert.Equal(["case.opened", "case.agent_replied", "case.status_changed"], mine.Select(r => r.Event));
        foreach (var request in mine)
        {
            Assert.True(WebhookSignature.Verify(secret, request.Signature, request.Body, server.Clock.GetUtcNow(), TimeSpan.FromMinutes(5)), request.Signature);
            Assert.False(WebhookSignature.Verify("whsec_other", request.Signature, request.Body, server.Clock.GetUtcNow(), TimeSpan.FromMinutes(5)));
        }
        var first = JsonNode.Parse(mine[0].Body)!;
        Assert.Equal((opened.Str("reference"), "case.opened"), (first.Str("case.reference"), first.Str("type")));
        Assert.Null(first["message"]!["body"]);
        Assert.Null(first["case"]!["customer"]);

        // The endpoint fails: the delivery waits, is tried again a minute later (not before), then arrives, the same event.
        receiver.Answer = 500;
        (await server.Api.PostJsonAsync($"/api/cases/{caseId}/wait", new { })).Response.EnsureSuccessStatusCode();
        await server.AdvanceAsync(TimeSpan.FromSeconds(1));
        var (_, pending) = await server.Api.GetJsonAsync($"/api/webhooks/{hook.Str("id")}/deliveries?state=pending");
        var waiting = pending.AsArray().Single()!;
        Assert.Equal(("case.status_changed", "1", "500", "panne"), (waiting.Str("eventType"), waiting.Str("attempts"), waiting.Str("lastStatus"), waiting.Str("lastAnswer")));
        var key = waiting.Str("eventKey");
        int Tries() => receiver.Requests.Count(r => JsonNode.Parse(r.Body)!.Str("id") == key);
        Assert.Equal(1, Tries());
        receiver.Answer = 200;
        await server.AdvanceAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, Tries());
        await server.AdvanceAsync(TimeSpan.FromSeconds(31));
        Assert.Equal(2, Tries());
        var (_, delivered) = await server.Api.GetJsonAsync($"/api/webhooks/{hook.Str("id")}/deliveries?state=delivered");
        Assert.Contains(delivered.AsArray(), d => d!.Str("eventKey") == key && d!.Str("attempts") == "2");

        // Sent again by hand.
        var (again, _) = await server.Api.PostJsonAsync($"/api/webhooks/deliveries/{delivered.AsArray()[0]!.Str("id")}/redeliver", new { });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var before = receiver.Requests.Count;
        await server.AdvanceAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(before + 1, receiver.Requests.Count);

        // An endpoint that keeps refusing is paused; the admins are told; resumed, what waited arrives.
        receiver.Answer = 503;
        var opens = new List<string>();
        for (var i = 0; i < WebhookSubscription.PauseAfterFailures; i++)
        {
            var (_, c) = await server.Api.PostJsonAsync("/api/cases", Contacts.French($"panne{i}.{Guid.NewGuid():N}@example.fr"));
            opens.Add(c.Str("id"));
        }
        await server.AdvanceAsync(TimeSpan.FromSeconds(1));
        var (_, paused) = await server.Api.GetJsonAsync("/api/webhooks");
        var state = paused.AsArray().Single(h => h!.Str("id") == hook.Str("id"))!;
        Assert.NotEqual("", state.Str("pausedAt"));
        Assert.True(await server.ReadDbAsync(db => db.Notifications.AnyAsync(n => n.Kind == Core.Notifications.NotificationKind.WebhookPaused)));
        // What happens while it is paused waits for it too.
        var (_, duringPause) = await server.Api.PostJsonAsync("/api/cases", Contacts.French($"pendant.{Guid.NewGuid():N}@example.fr"));
        opens.Add(duringPause.Str("id"));
        var whilePaused = receiver.Requests.Count;
        await server.AdvanceAsync(TimeSpan.FromMinutes(5));
        Assert.Equal(whilePaused, receiver.Requests.Count);

        // Across a restart nothing waiting is lost.
        await server.RestartAsync(server.Clock.GetUtcNow());
        receiver.Answer = 200;
        (await server.Api.PostJsonAsync($"/api/webhooks/{hook.Str("id")}/resume", new { })).Response.EnsureSuccessStatusCode();
        await server.AdvanceAsync(TimeSpan.FromSeconds(1));
        foreach (var id in opens)
        {
            Assert.Contains(Mine(receiver, id), r => r.Event == "case.opened");
        }
        var (_, left) = await server.Api.GetJsonAsync($"/api/webhooks/{hook.Str("id")}/deliveries?state=pending");
        Assert.Empty(left.AsArray());
        (await server.Api.GetJsonAsync($"/api/webhooks/{hook.Str("id")}/deliveries?state=lost")).AssertProblemNames(400, "state");
        (await server.Api.PatchJsonAsync($"/api/webhooks/{hook.Str("id")}", new { active = false })).Response.EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task A_teams_chat_hears_of_its_urgent_cases_in_its_own_format_without_the_customers_name()
    {
        server.SkipIfUnavailable();
        await using var receiver = await WebhookReceiver.StartAsync();
        var (_, teams) = await server.Api.GetJsonAsync("/api/teams");
        var slug = teams.AsArray().First(t => t!.Str("isDefault") == "true")!.Str("slug");
        (await server.Api.PostJsonAsync("/api/webhooks", new { url = receiver.Url, events = new[] { "case.urgent" }, format = "irc" })).AssertProblemNames(400, "format");
        (await server.Api.PostJsonAsync("/api/webhooks", new { url = receiver.Url, events = new[] { "case.urgent" }, team = "nulle-part" })).AssertProblemNames(400, "team");
        var (_, slack) = await server.Api.PostJsonAsync("/api/webhooks", new { url = receiver.Url + "?slack", events = new[] { "case.urgent", "case.escalated" }, format = "slack", team = slug });
        var (_, msTeams) = await server.Api.PostJsonAsync("/api/webhooks", new { url = receiver.Url + "?teams", events = new[] { "case.urgent" }, format = "teams" });
        Assert.Equal(("slack", "teams"), (slack.Str("format"), msTeams.Str("format")));

        var (_, opened) = await server.Api.PostJsonAsync("/api/cases", Contacts.French($"urgent.{Guid.NewGuid():N}@example.fr"));
        (await server.Api.PostJsonAsync($"/api/cases/{opened.Str("id")}/priority", new { priority = "urgent", reason = "Client sans eau depuis trois jours" })).Response.EnsureSuccessStatusCode();
        await server.AdvanceAsync(TimeSpan.FromSeconds(1));
        var said = receiver.Requests.Where(r => r.Body.Contains(opened.Str("reference"), StringComparison.Ordinal)).Select(r => JsonNode.Parse(r.Body)!).ToList();
        // Made urgent, the case was escalated too: the Slack channel hears both, each as one line.
        var lines = said.Where(m => m["text"] is not null).Select(m => m.Str("text")).ToList();
        var text = lines.Single(t => t.Contains("URGENT", StringComparison.Ordinal));
        Assert.Contains($"[{opened.Str("reference")}]", text, StringComparison.Ordinal);
        Assert.All(lines, line => Assert.DoesNotContain(opened.Str("customer.name"), line, StringComparison.Ordinal));
        var card = said.Single(m => m["attachments"] is not null)!;
        Assert.Equal(("message", "application/vnd.microsoft.card.adaptive", "AdaptiveCard"),
            (card.Str("type"), card.Str("attachments.0.contentType"), card.Str("attachments.0.content.type")));
        foreach (var id in new[] { slack.Str("id"), msTeams.Str("id") })
        {
            (await server.Api.PatchJsonAsync($"/api/webhooks/{id}", new { active = false })).Response.EnsureSuccessStatusCode();
        }
    }

    /// <summary>A long run of rows that make no event (notes, say) never holds back the ones after it.</summary>
    [Fact]
    public async Task Thousands_of_rows_without_an_event_do_not_stop_the_events_after_them()
    {
        server.SkipIfUnavailable();
        await using var receiver = await WebhookReceiver.StartAsync();
        var (_, hook) = await server.Api.PostJsonAsync("/api/webhooks", new { url = receiver.Url, events = new[] { "case.opened" } });
        var (_, busy) = await server.Api.PostJsonAsync("/api/cases", Contacts.French($"notes.{Guid.NewGuid():N}@example.fr"));
        var busyId = long.Parse(busy.Str("id"), System.Globalization.CultureInfo.InvariantCulture);
        await server.ReadDbAsync(async db =>
        {
            db.CaseEvents.AddRange(Enumerable.Range(0, 2_500).Select(i => Core.Cases.CaseEvent.Create(Core.Cases.CaseEventKind.Note, server.Clock.GetUtcNow(), null, null, null, $"note {i}").On(busyId)));
            return await db.SaveChangesAsync();
        });
        var (_, after) = await server.Api.PostJsonAsync("/api/cases", Contacts.French($"apres.{Guid.NewGuid():N}@example.fr"));
        for (var pass = 0; pass < 8 && Mine(receiver, after.Str("id")).Count == 0; pass++)
        {
            await server.AdvanceAsync(TimeSpan.FromSeconds(1));
        }
        Assert.Contains(Mine(receiver, after.Str("id")), r => r.Event == "case.opened");
        (await server.Api.PatchJsonAsync($"/api/webhooks/{hook.Str("id")}", new { active = false })).Response.EnsureSuccessStatusCode();
    }

    private static List<WebhookReceiver.Received> Mine(WebhookReceiver receiver, string caseId) =>
        [.. receiver.Requests.Where(r => JsonNode.Parse(r.Body)!.Str("case.id") == caseId)];
}

public sealed class WebhooksOnSqlite(SqliteServer server) : WebhookTests(server), IClassFixture<SqliteServer>;
public sealed class WebhooksOnPostgres(PostgresServer server) : WebhookTests(server), IClassFixture<PostgresServer>;
