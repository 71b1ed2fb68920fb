using System.Net;
using Guichet.Testing;

namespace Guichet.IntegrationTests.Promises;

/// <summary>Promises in the workspace: stated in a reply, alerted to their owner, listed in the promises view.</summary>
public abstract class WorkspacePromisesTests(GuichetServer server)
{
    [Fact]
    public async Task A_commitment_stated_in_a_reply_is_tracked_alerted_and_listed()
    {
        server.SkipIfUnavailable();
        var (_, c) = await server.Api.PostJsonAsync("/api/cases", Contacts.French("ui.commit@example.fr"));
        using var agent = await Browserless.SignInAsync(server, "ui.commit@guichet.test", "Inès Agent");
        var casePath = $"/cases/{c.Str("id")}";

        // Monday 30 November at 15:00 Paris: "I'll call you back".
        var (status, _, _) = await agent.PostFormAsync(casePath, casePath, new()
        {
            ["_handler"] = "reply",
            ["ReplyBody"] = "Bonjour Julien Rio, je vous rappelle lundi à 15 h avec la décision.",
            ["CommitmentKind"] = "callBack",
            ["CommitmentDue"] = "2026-11-30T15:00",
        });
        Assert.Equal(HttpStatusCode.Redirect, status);
        var (_, detail) = await server.Api.GetJsonAsync($"/api/cases/{c.Str("id")}");
        var callBack = detail["promises"]!.AsArray().Single(p => p!.Str("kind") == "commitment")!;
        Assert.Equal("Rappeler le client", callBack.Str("what"));
        Assert.Equal("2026-11-30T14:00:00+00:00", callBack.Str("dueAt"));
        Assert.Equal("Inès Agent", callBack.Str("owner.name"));
        var reply = detail["messages"]!.AsArray().Single(m => m!.Str("body").Contains("je vous rappelle", StringComparison.Ordinal))!;
        Assert.Equal(callBack.Str("id"), reply.Str("promiseId"));

        // A reply promising nothing datable is refused by name.
        var (refused, html, _) = await agent.PostFormAsync(casePath, casePath, new() { ["_handler"] = "reply", ["ReplyBody"] = "Je vous rappelle.", ["CommitmentKind"] = "refund" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused);
        Assert.Contains("Donnez la date et l&#x27;heure de la promesse.", html, StringComparison.Ordinal);

        // Monday morning the owner is alerted, in the workspace.
        await server.AdvanceAsync(new DateTimeOffset(2026, 11, 30, 9, 30, 0, TimeSpan.Zero) - server.Clock.GetUtcNow());
        var (_, inbox, _) = await agent.GetAsync("/");
        Assert.Contains("id=\"alerts\">Alertes <span class=\"count\" data-count=\"alerts\">1</span></a>", inbox, StringComparison.Ordinal);
        var (_, alerts, _) = await agent.GetAsync("/notifications");
        Assert.Contains("Rappeler le client", alerts, StringComparison.Ordinal);
        (status, _, _) = await agent.PostFormAsync("/notifications", "/ui/notifications/read", new());
        Assert.Equal(HttpStatusCode.Redirect, status);
        (_, inbox, _) = await agent.GetAsync("/");
        Assert.Contains("id=\"alerts\">Alertes <span class=\"count\" data-count=\"alerts\" hidden>0</span></a>", inbox, StringComparison.Ordinal);

        var (_, list, _) = await agent.GetAsync("/promises?view=due");
        Assert.Contains("Rappeler le client", list, StringComparison.Ordinal);
        Assert.Contains(c.Str("reference"), list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_warning_stops_the_reply_and_the_agent_may_send_it_anyway_with_a_reason_kept_in_the_history()
    {
        server.SkipIfUnavailable();
        var (_, c) = await server.Api.PostJsonAsync("/api/cases", Contacts.French("ui.override@example.fr"));
        using var agent = await Browserless.SignInAsync(server, "ui.override@guichet.test", "Inès Agent");
        var casePath = $"/cases/{c.Str("id")}";
        const string text = "Bonjour Julien Rio, pour une urgence médicale, veuillez appeler le 15.";
        var (refused, html, _) = await agent.PostFormAsync(casePath, casePath, new() { ["_handler"] = "reply", ["ReplyBody"] = text });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused);
        Assert.Contains("name=\"Overrides\" value=\"C3.redirect\"", html, StringComparison.Ordinal);

        var (sent, _, _) = await agent.PostFormAsync(casePath, casePath, new() { ["_handler"] = "reply", ["ReplyBody"] = text, ["Overrides"] = "C3.redirect", ["Justification"] = "Urgence vitale : seul le 15 peut aider." });
        Assert.Equal(HttpStatusCode.Redirect, sent);
        var (_, detail) = await server.Api.GetJsonAsync($"/api/cases/{c.Str("id")}");
        Assert.Contains(detail["events"]!.AsArray(), e => e!.Str("kind") == "guardOverridden" && e!.Str("detail") == "Urgence vitale : seul le 15 peut aider.");
    }
}

public sealed class WorkspacePromisesOnSqlite(SqliteServer server) : WorkspacePromisesTests(server), IClassFixture<SqliteServer>;
public sealed class WorkspacePromisesOnPostgres(PostgresServer server) : WorkspacePromisesTests(server), IClassFixture<PostgresServer>;
