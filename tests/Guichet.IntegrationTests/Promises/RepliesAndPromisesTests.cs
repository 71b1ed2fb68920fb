using System.Net;
using Guichet.Testing;
using Microsoft.EntityFrameworkCore;

namespace Guichet.IntegrationTests.Promises;

/// <summary>SPEC P2, P3, P8, C1, C4, Q1 through messages and promises.</summary>
public abstract class RepliesAndPromisesTests(GuichetServer server)
{
    private async Task<string> OpenAsync(string email)
    {
        var (response, body) = await server.Api.PostJsonAsync("/api/cases", Contacts.French(email));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return body.Str("id");
    }

    [Fact]
    public async Task A_persons_reply_keeps_the_first_response_promise_and_gives_the_case_an_owner()
    {
        server.SkipIfUnavailable();
        var id = await OpenAsync("reply@example.fr");
        var (response, message) = await server.Api.PostJsonAsync($"/api/cases/{id}/messages", new { direction = "out", body = "Bonjour Julien Rio, votre valise arrive demain à 10 h." });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("out", message.Str("direction"));
        Assert.Equal("false", message.Str("automatic"));

        var (_, c) = await server.Api.GetJsonAsync($"/api/cases/{id}");
        Assert.Equal("kept", c.Str("promises.0.state"));
        Assert.Equal("open", c.Str("status"));
        Assert.Equal("Administrateur API", c.Str("owner.name"));
        Assert.Null(c["nextDueAt"]?.GetValue<string>());
    }

    [Fact]
    public async Task The_send_guard_stops_an_unfilled_field_with_422_and_nothing_leaves()
    {
        server.SkipIfUnavailable();
        var id = await OpenAsync("guard@example.fr");
        var outboxBefore = await server.ReadDbAsync(db => db.Outbox.CountAsync());
        var result = await server.Api.PostJsonAsync($"/api/cases/{id}/messages", new { direction = "out", body = "Cher [NAME], merci d'écrire à XXXXX." });
        result.AssertProblemNames(422, "body");
        var reasons = result.Body["errors"]!["body"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();
        Assert.Contains(reasons, r => r.StartsWith("Q1.placeholder", StringComparison.Ordinal) && r.Contains("[NAME]", StringComparison.Ordinal) && r.Contains("XXXXX", StringComparison.Ordinal));
        Assert.Equal(outboxBefore, await server.ReadDbAsync(db => db.Outbox.CountAsync()));
        var (_, c) = await server.Api.GetJsonAsync($"/api/cases/{id}");
        Assert.Equal("open", c.Str("promises.0.state"));
    }

    [Fact]
    public async Task A_customer_writing_again_is_counted_and_a_resolved_case_reopens_with_a_new_date()
    {
        server.SkipIfUnavailable();
        var id = await OpenAsync("again@example.fr");
        await server.Api.PostJsonAsync($"/api/cases/{id}/messages", new { direction = "in", channel = "email", body = "Avez-vous des nouvelles ?" });
        var (_, c) = await server.Api.GetJsonAsync($"/api/cases/{id}");
        Assert.Equal("2", c.Str("contactCount"));
        Assert.Equal("urgent", c.Str("priority")); // lost baggage: the service manager at once (E2)

        await server.Api.PostJsonAsync($"/api/cases/{id}/messages", new { direction = "out", body = "C'est réglé : le remboursement est parti." });
        var (resolved, _) = await server.Api.PostJsonAsync($"/api/cases/{id}/resolve", new { });
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        (await server.Api.PostJsonAsync($"/api/cases/{id}/resolve", new { })).AssertProblemNames(409, "status");

        await server.Api.PostJsonAsync($"/api/cases/{id}/messages", new { direction = "in", body = "Le remboursement n'est pas arrivé." });
        var (_, reopened) = await server.Api.GetJsonAsync($"/api/cases/{id}");
        Assert.Equal("open", reopened.Str("status"));
        var running = reopened["promises"]!.AsArray().Where(p => p!.Str("state") == "open").ToList();
        Assert.Single(running);
        var acks = reopened["messages"]!.AsArray().Where(m => m!.Str("automatic") == "true").ToList();
        Assert.Equal(2, acks.Count);
    }

    [Fact]
    public async Task A_commitment_is_recorded_kept_and_renegotiated_with_a_notice_to_the_customer()
    {
        server.SkipIfUnavailable();
        var id = await OpenAsync("promise@example.fr");
        // Friday 16:00 Paris + 3 business hours = 1 h on Friday + 2 h on Monday → Monday 11:00 Paris.
        var (made, callBack) = await server.Api.PostJsonAsync($"/api/cases/{id}/promises", new { what = "Rappeler le client", dueInBusinessHours = 3 });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        Assert.Equal("2026-11-30T10:00:00+00:00", callBack.Str("dueAt"));
        Assert.Equal("Administrateur API", callBack.Str("owner.name"));

        var (moved, renegotiated) = await server.Api.PostJsonAsync($"/api/promises/{callBack.Str("id")}/renegotiate", new { newDueAt = "2026-12-02T17:00:00+01:00" });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal("renegotiated", renegotiated.Str("state"));
        Assert.Equal("2026-12-02T16:00:00+00:00", renegotiated.Str("dueAt"));
        var history = renegotiated["renegotiations"]!.AsArray().Single()!;
        Assert.Equal("2026-11-30T10:00:00+00:00", history.Str("oldDueAt"));
        var noticeId = history.Str("noticeMessageId");
        var (_, c) = await server.Api.GetJsonAsync($"/api/cases/{id}");
        var notice = c["messages"]!.AsArray().Single(m => m!.Str("id") == noticeId)!;
        Assert.Contains("mercredi 2 décembre à 17:00", notice.Str("body"), StringComparison.Ordinal);
        Assert.Contains("désolés", notice.Str("body"), StringComparison.Ordinal);

        (await server.Api.PostJsonAsync($"/api/promises/{callBack.Str("id")}/renegotiate", new { newDueAt = "2026-12-01T09:00:00+01:00" })).AssertProblemNames(400, "newDueAt");
        var (kept, keptBody) = await server.Api.PostJsonAsync($"/api/promises/{callBack.Str("id")}/keep", new { });
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.Equal("kept", keptBody.Str("state"));
        (await server.Api.PostJsonAsync($"/api/promises/{callBack.Str("id")}/keep", new { })).AssertProblemNames(409, "state");

        var (_, list) = await server.Api.GetJsonAsync("/api/promises?state=kept");
        Assert.Contains(list["items"]!.AsArray(), p => p!.Str("id") == callBack.Str("id"));
    }

    [Fact]
    public async Task A_promise_to_confirm_stays_internal_and_a_bad_promise_names_its_field()
    {
        server.SkipIfUnavailable();
        var id = await OpenAsync("confirm@example.fr");
        var (_, p) = await server.Api.PostJsonAsync($"/api/cases/{id}/promises", new { what = "Frais de retour annulés", dueAt = "2026-12-03T12:00:00+01:00", toConfirm = true });
        Assert.Equal("true", p.Str("toConfirm"));
        var (_, moved) = await server.Api.PostJsonAsync($"/api/promises/{p.Str("id")}/renegotiate", new { newDueAt = "2026-12-04T12:00:00+01:00" });
        // The customer hears when they will hear back, never what is still unconfirmed (P8).
        var noticeId = moved.Str("renegotiations.0.noticeMessageId");
        var notice = (await server.Api.GetJsonAsync($"/api/cases/{id}")).Body["messages"]!.AsArray().Single(m => m!.Str("id") == noticeId)!;
        Assert.Contains("vendredi 4 décembre à 12:00", notice.Str("body"), StringComparison.Ordinal);
        Assert.DoesNotContain("Frais de retour", notice.Str("body"), StringComparison.Ordinal);

        (await server.Api.PostJsonAsync($"/api/cases/{id}/promises", new { what = "x" })).AssertProblemNames(400, "dueAt");
        (await server.Api.PostJsonAsync($"/api/cases/{id}/promises", new { what = "x", dueAt = "2020-01-01T00:00:00Z" })).AssertProblemNames(400, "dueAt");
        (await server.Api.PostJsonAsync($"/api/cases/{id}/promises", new { what = "", dueInBusinessHours = 2 })).AssertProblemNames(400, "what");
        (await server.Api.PostJsonAsync($"/api/cases/{id}/promises", new { what = "x", dueInBusinessHours = 2, owner = "nobody@example.fr" })).AssertProblemNames(400, "owner");
    }

    [Fact]
    public async Task A_reply_that_greets_someone_else_or_with_the_wrong_title_is_stopped_with_every_reason()
    {
        server.SkipIfUnavailable();
        var (_, c) = await server.Api.PostJsonAsync("/api/cases", new
        {
            customer = new { name = "Julien Rio", email = "julien.rio.q2@example.fr", language = "fr", salutation = "Monsieur" },
            channel = "email", subject = "Valise", body = "Ma valise est perdue.",
        });
        var id = c.Str("id");
        var (refused, problem) = await server.Api.PostJsonAsync($"/api/cases/{id}/messages", new { direction = "out", body = "Bonjour Madame Brittni,\n\nVeuillez envoyer un email au service bagages." });
        Assert.Equal(422, (int)refused.StatusCode);
        var reasons = problem["errors"]!["body"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();
        Assert.Contains(reasons, r => r.StartsWith("Q2.salutation", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.StartsWith("Q2.name", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.StartsWith("C3.redirect", StringComparison.Ordinal));
        var (sent, _) = await server.Api.PostJsonAsync($"/api/cases/{id}/messages", new { direction = "out", body = "Bonjour Monsieur Rio,\n\nVotre valise est retrouvée et arrive demain." });
        Assert.Equal(201, (int)sent.StatusCode);
    }

    [Fact]
    public async Task A_warning_may_be_overridden_with_a_justification_that_is_recorded_but_a_blocking_reason_never()
    {
        server.SkipIfUnavailable();
        var id = await OpenAsync("override@example.fr");
        const string body = "Bonjour Julien Rio,\n\nPour une urgence médicale, veuillez appeler le 15.";
        var (refused, problem) = await server.Api.PostJsonAsync($"/api/cases/{id}/messages", new { direction = "out", body });
        Assert.Equal(422, (int)refused.StatusCode);
        Assert.Contains("you may send anyway", problem["errors"]!["body"]!.AsArray().Single()!.GetValue<string>(), StringComparison.Ordinal);
        (await server.Api.PostJsonAsync($"/api/cases/{id}/messages", new { direction = "out", body, overrides = new[] { "C3.redirect" } })).AssertProblemNames(400, "justification");
        var (sent, _) = await server.Api.PostJsonAsync($"/api/cases/{id}/messages", new { direction = "out", body, overrides = new[] { "C3.redirect" }, justification = "Urgence vitale : le 15 est le seul bon interlocuteur." });
        Assert.Equal(201, (int)sent.StatusCode);
        var (_, c) = await server.Api.GetJsonAsync($"/api/cases/{id}");
        Assert.Contains(c["events"]!.AsArray(), e => e!.Str("kind") == "guardOverridden" && e!.Str("to") == "C3.redirect" && e!.Str("detail").Contains("Urgence vitale", StringComparison.Ordinal));

        var (blocked, _) = await server.Api.PostJsonAsync($"/api/cases/{id}/messages", new { direction = "out", body = "Bonjour Brittni, voici.", overrides = new[] { "Q2.name" }, justification = "Je suis sûr." });
        Assert.Equal(422, (int)blocked.StatusCode);
    }
}

public sealed class RepliesAndPromisesOnSqlite(SqliteServer server) : RepliesAndPromisesTests(server), IClassFixture<SqliteServer>;
public sealed class RepliesAndPromisesOnPostgres(PostgresServer server) : RepliesAndPromisesTests(server), IClassFixture<PostgresServer>;
