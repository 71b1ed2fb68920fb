using System.Net;
using System.Text.Json.Nodes;
using Guichet.Core.Automations;
using Guichet.Hosting;
using Guichet.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.IntegrationTests.Automations;

/// <summary>
/// Issue 27 (W7): rules run on what happens and on time, in order, each run written on the case
/// under the rule's name; a rule's own change never runs it again; a time rule runs once however
/// many servers share the database.
/// </summary>
public abstract class RuleTests(GuichetServer server)
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rules_run_in_order_on_a_change_and_a_tag_rule_does_not_run_again_on_its_own_tag()
    {
        server.SkipIfUnavailable();
        var word = $"mot{Guid.NewGuid():N}"[..12];
        // Refused, each naming its row.
        (await server.Api.PostJsonAsync("/api/rules", new { name = "x", when = "case.exploded", actions = new[] { new { kind = "note", value = "n" } } })).AssertProblemNames(400, "when");
        (await server.Api.PostJsonAsync("/api/rules", new { name = "x", when = "case.opened", conditions = new[] { new { field = "priority", op = "has", value = "high" } }, actions = new[] { new { kind = "note", value = "n" } } })).AssertProblemNames(400, "conditions[0].op");
        (await server.Api.PostJsonAsync("/api/rules", new { name = "x", when = "case.opened", actions = new[] { new { kind = "team", value = "999999" } } })).AssertProblemNames(400, "actions[0].value");
        (await server.Api.PostJsonAsync("/api/rules", new { name = "x", when = "case.waiting_on_us", actions = new[] { new { kind = "note", value = "n" } } })).AssertProblemNames(400, "hours");
        // A rule on promises due soon that makes a promise would run on its own promise: refused.
        (await server.Api.PostJsonAsync("/api/rules", new { name = "x", when = "promise.due_within", hours = 4, actions = new[] { new { kind = "promise", value = "Rappeler", hours = 2.0 } } })).AssertProblemNames(400, "actions[0].kind");
        (await server.Api.PostJsonAsync("/api/rules", new { name = "x", when = "case.opened", actions = new object?[] { null } })).AssertProblemNames(400, "actions[0].kind");
        (await server.Api.PostJsonAsync("/api/rules", new { name = "x", when = "case.opened", conditions = new object?[] { null }, actions = new[] { new { kind = "note", value = "n" } } })).AssertProblemNames(400, "conditions[0].field");

        // 1: a case opened with the word is urgent and tagged; 2: when the tag arrives, another tag and a note.
        var (made, first) = await server.Api.PostJsonAsync("/api/rules", new
        {
            name = $"Litige {word}", when = "case.opened",
            conditions = new[] { new { field = "words", op = "any", value = $"{word}, mise en demeure" } },
            actions = new object[] { new { kind = "priority", value = "urgent" }, new { kind = "addTag", value = $"litige-{word}" } },
        });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var (_, second) = await server.Api.PostJsonAsync("/api/rules", new
        {
            name = $"Juridique {word}", when = "case.tags_changed",
            conditions = new[] { new { field = "tagAdded", op = "is", value = $"litige-{word}" } },
            actions = new object[] { new { kind = "addTag", value = $"juridique-{word}" }, new { kind = "note", value = "Voir le service juridique." } },
        });
        var (_, third) = await server.Api.PostJsonAsync("/api/rules", new
        {
            name = $"Boucle {word}", when = "case.tags_changed",
            conditions = new[] { new { field = "tag", op = "has", value = $"boucle-{word}" } },
            actions = new object[] { new { kind = "removeTag", value = $"boucle-{word}" }, new { kind = "addTag", value = $"boucle-{word}" }, new { kind = "addTag", value = $"vu-{word}" } },
        });

        var (_, hit) = await server.Api.PostJsonAsync("/api/cases", Contacts.French($"regle.{Guid.NewGuid():N}@example.fr", $"Bonjour, ceci est une {word} pour mon colis."));
        var (_, miss) = await server.Api.PostJsonAsync("/api/cases", Contacts.French($"autre.{Guid.NewGuid():N}@example.fr", "Bonjour, où en est mon colis ?"));
        await server.AdvanceAsync(TimeSpan.FromSeconds(1));
        var c = await CaseAsync(hit.Str("id"));
        Assert.Equal("urgent", c.Str("priority"));
        Assert.Contains($"litige-{word}", Tags(c));
        var ran = Ran(c);
        Assert.Equal([$"Litige {word}"], ran.Select(e => e.Str("to")));
        Assert.Contains(c["events"]!.AsArray(), e => e!.Str("kind") == "priorityChanged" && e!.Str("actor") == $"Règle « Litige {word} »");
        Assert.Empty(Ran(await CaseAsync(miss.Str("id"))));

        // The tag the first rule put on starts no rule (rules do not run on rules' changes); a person's tag does, once.
        await server.AdvanceAsync(TimeSpan.FromSeconds(1));
        Assert.Single(Ran(await CaseAsync(hit.Str("id"))));
        (await server.Api.PostJsonAsync($"/api/cases/{miss.Str("id")}/tags", new { add = new[] { $"litige-{word}", $"boucle-{word}" } })).Response.EnsureSuccessStatusCode();
        for (var i = 0; i < 4; i++)
        {
            await server.AdvanceAsync(TimeSpan.FromSeconds(1));
        }
        var tagged = await CaseAsync(miss.Str("id"));
        Assert.Contains($"juridique-{word}", Tags(tagged));
        Assert.Contains($"vu-{word}", Tags(tagged));
        Assert.Equal([$"Juridique {word}", $"Boucle {word}"], Ran(tagged).Select(e => e.Str("to")));
        // Its own changes (the tag taken off, put back, and another) carry its id and ran nothing.
        var boucle = long.Parse(third.Str("id"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(1, await server.ReadDbAsync(db => db.CaseEvents.CountAsync(e => e.RuleId == boucle && e.Kind == Core.Cases.CaseEventKind.RuleRan, Ct)));
        Assert.Equal(3, await server.ReadDbAsync(db => db.CaseEvents.CountAsync(e => e.RuleId == boucle && (e.Kind == Core.Cases.CaseEventKind.Tagged || e.Kind == Core.Cases.CaseEventKind.Untagged), Ct)));
        Assert.Contains(tagged["events"]!.AsArray(), e => e!.Str("kind") == "note" && e!.Str("detail") == "Voir le service juridique.");

        foreach (var rule in new[] { first, second, third })
        {
            Assert.Equal(HttpStatusCode.NoContent, (await server.Api.DeleteAsync($"/api/rules/{rule.Str("id")}", Ct)).StatusCode);
        }
    }

    [Fact]
    public async Task A_time_rule_runs_once_on_a_waiting_case_though_two_servers_run_it_together()
    {
        server.SkipIfUnavailable();
        var word = $"att{Guid.NewGuid():N}"[..12];
        var lead = await server.AddAgentAsync($"lead.{word}@example.fr", "Léa Lead", Core.Agents.AgentRole.Lead);
        var (_, rule) = await server.Api.PostJsonAsync("/api/rules", new
        {
            name = $"Relance {word}", when = "case.waiting_on_us", hours = 2,
            conditions = new[] { new { field = "tag", op = "has", value = word } },
            actions = new object[] { new { kind = "priority", value = "high" }, new { kind = "notify", value = $"agent:{lead}" }, new { kind = "note", value = "Le client attend depuis deux heures ouvrées." } },
        });
        var (_, waiting) = await server.Api.PostJsonAsync("/api/cases", Contacts.French($"attend.{Guid.NewGuid():N}@example.fr", "Bonjour, j'attends un remboursement."));
        var (_, other) = await server.Api.PostJsonAsync("/api/cases", Contacts.French($"attend2.{Guid.NewGuid():N}@example.fr", "Bonjour, j'attends un avoir."));
        (await server.Api.PostJsonAsync($"/api/cases/{waiting.Str("id")}/tags", new { add = new[] { word } })).Response.EnsureSuccessStatusCode();

        // Not yet: the dry run lists nothing whose time has come.
        var request = new { name = "essai", when = "case.waiting_on_us", hours = 2, conditions = new[] { new { field = "tag", op = "has", value = word } }, actions = new[] { new { kind = "note", value = "n" } } };
        var (_, before) = await server.Api.PostJsonAsync("/api/rules/dry-run", request);
        Assert.Equal(0, before["matching"]!.GetValue<int>());

        // Three days later, two servers run the time rules at once, three times each.
        var second = await server.StartAnotherHostAsync(server.Clock.GetUtcNow());
        try
        {
            var by = TimeSpan.FromDays(3);
            server.Clock.Advance(by);
            ((AdjustableClock)second.Services.GetRequiredService<TimeProvider>()).Advance(by);
            var (_, now) = await server.Api.PostJsonAsync("/api/rules/dry-run", request);
            Assert.Equal([waiting.Str("reference")], now["cases"]!.AsArray().Select(c => c!.Str("reference")));
            await Task.WhenAll(Enumerable.Range(0, 3).SelectMany(_ => new[] { RunTimeRulesAsync(server.Services), RunTimeRulesAsync(second.Services) }));
        }
        finally
        {
            await second.StopAsync(Ct);
            await second.DisposeAsync();
        }
        await server.AdvanceAsync(TimeSpan.FromMinutes(2));
        var c = await CaseAsync(waiting.Str("id"));
        Assert.Single(Ran(c));
        Assert.Equal("high", c.Str("priority"));
        Assert.Empty(Ran(await CaseAsync(other.Str("id"))));
        Assert.Equal(1, await server.ReadDbAsync(db => db.RuleRuns.CountAsync(r => r.RuleId == long.Parse(rule.Str("id")), Ct)));
        Assert.Equal(1, await server.ReadDbAsync(db => db.CaseEvents.CountAsync(e => e.CaseId == long.Parse(waiting.Str("id")) && e.Kind == Core.Cases.CaseEventKind.Note && e.Detail == "Le client attend depuis deux heures ouvrées.", Ct)));
        Assert.True(await server.ReadDbAsync(db => db.Notifications.AnyAsync(n => n.AgentId == lead && n.CaseId == long.Parse(waiting.Str("id")) && n.Kind == Core.Notifications.NotificationKind.RuleRan, Ct)));

        // The customer writes again and is answered: a new wait is a new occurrence, run once more when its time comes.
        (await server.Api.PostJsonAsync($"/api/cases/{waiting.Str("id")}/messages", new { direction = "out", body = "Bonjour Julien Rio, nous regardons." })).Response.EnsureSuccessStatusCode();
        (await server.Api.PostJsonAsync($"/api/cases/{waiting.Str("id")}/messages", new { direction = "in", body = "Toujours rien ?" })).Response.EnsureSuccessStatusCode();
        await server.AdvanceAsync(TimeSpan.FromDays(3));
        await server.AdvanceAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(2, Ran(await CaseAsync(waiting.Str("id"))).Count);
        Assert.Equal(HttpStatusCode.NoContent, (await server.Api.DeleteAsync($"/api/rules/{rule.Str("id")}", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_rule_replies_from_a_template_only_through_the_send_guard_and_calls_a_webhook()
    {
        server.SkipIfUnavailable();
        var word = $"rep{Guid.NewGuid():N}"[..12];
        // A reply whose template leaves a field empty on this case is refused by the guard; the rule's other actions still run.
        (await server.Api.PutJsonAsync($"/api/templates/{word}", new { team = "service-client", language = "fr", name = "Réponse de règle", body = "{{ greeting }},\n\nNous avons bien reçu votre demande {{ case.reference }}. Votre colis {{ numero_colis }} est en route.\n\nCordialement" })).Response.EnsureSuccessStatusCode();
        await using var receiver = await Webhooks.WebhookReceiver.StartAsync();
        var (_, hook) = await server.Api.PostJsonAsync("/api/webhooks", new { url = receiver.Url, events = new[] { "promise.broken" } });
        var (_, rule) = await server.Api.PostJsonAsync("/api/rules", new
        {
            name = $"Accusé {word}", when = "case.customer_wrote",
            conditions = new[] { new { field = "words", op = "any", value = word } },
            actions = new object[] { new { kind = "reply", value = word }, new { kind = "status", value = "resolve" }, new { kind = "webhook", value = hook.Str("id") }, new { kind = "promise", value = "Rappeler le client", hours = 4.0 } },
        });
        var (_, opened) = await server.Api.PostJsonAsync("/api/cases", Contacts.French($"reponse.{Guid.NewGuid():N}@example.fr", "Bonjour, mon colis ?"));
        (await server.Api.PostJsonAsync($"/api/cases/{opened.Str("id")}/messages", new { direction = "in", body = $"Encore moi : {word}" })).Response.EnsureSuccessStatusCode();
        await server.AdvanceAsync(TimeSpan.FromSeconds(1));
        await server.AdvanceAsync(TimeSpan.FromSeconds(1));
        var c = await CaseAsync(opened.Str("id"));
        var run = Assert.Single(Ran(c));
        Assert.Contains($"reply {word}: refused", run.Str("detail"), StringComparison.Ordinal);
        Assert.Contains("status resolve: refused, the reply did not leave", run.Str("detail"), StringComparison.Ordinal);
        Assert.DoesNotContain(c["messages"]!.AsArray(), m => m!.Str("direction") == "out" && m!.Str("kind") == "reply");
        Assert.Contains(c["promises"]!.AsArray(), p => p!.Str("what") == "Rappeler le client");
        Assert.NotEqual("resolved", c.Str("status"));
        var delivery = Assert.Single(receiver.Requests, r => JsonNode.Parse(r.Body)!.Str("type") == RuleActions.RuleRanEvent);
        Assert.Equal(c.Str("reference"), JsonNode.Parse(delivery.Body)!.Str("case.reference"));
        Assert.Equal(HttpStatusCode.NoContent, (await server.Api.DeleteAsync($"/api/rules/{rule.Str("id")}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await server.Api.DeleteAsync($"/api/webhooks/{hook.Str("id")}", Ct)).StatusCode);
    }

    private static async Task RunTimeRulesAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RunTimeRules>().RunAsync(Ct);
    }

    private async Task<JsonNode> CaseAsync(string id) => (await server.Api.GetJsonAsync($"/api/cases/{id}")).Body;

    private static List<string> Tags(JsonNode c) => [.. c["tags"]!.AsArray().Select(t => t!.GetValue<string>())];

    private static List<JsonNode> Ran(JsonNode c) => [.. c["events"]!.AsArray().Where(e => e!.Str("kind") == "ruleRan").Select(e => e!)];
}

public sealed class RulesOnSqlite(SqliteServer server) : RuleTests(server), IClassFixture<SqliteServer>;
public sealed class RulesOnPostgres(PostgresServer server) : RuleTests(server), IClassFixture<PostgresServer>;
