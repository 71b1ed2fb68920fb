using System.Net;
using System.Text.Json.Nodes;
using Guichet.Testing;
using Microsoft.EntityFrameworkCore;

namespace Guichet.IntegrationTests.Social;

/// <summary>The social webhook (H5, H6): signed events only, stored once, classified with a visible rule, moderated by the charter.</summary>
public abstract class SocialTests(GuichetServer server)
{
    private static readonly DateTimeOffset Posted = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    private Task<(HttpStatusCode Status, JsonNode Body)> SendAsync(object ev, string? secret = GuichetServer.FacebookSecret, string platform = "facebook") =>
        SocialWebhook.PostAsync(server, ev, secret, platform);

    private static object Comment(string id, string handle, string text, string kind = "comment") =>
        new { eventId = id, kind, postId = "post-42", author = new { handle, name = "Claire B." }, text, url = $"https://facebook.example/post-42/{id}", time = Posted };

    [Fact]
    public async Task A_forged_or_unsigned_event_is_refused_and_stored_nowhere_and_a_replayed_one_is_stored_once()
    {
        server.SkipIfUnavailable();
        var before = await server.ReadDbAsync(db => db.SocialPosts.CountAsync());
        var ev = Comment("ev-forged", "mallory", "Toujours pas de remboursement, scandale !");
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(ev, secret: null)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(ev, secret: "not-the-secret")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(ev, platform: "myspace")).Status);
        Assert.Equal(before, await server.ReadDbAsync(db => db.SocialPosts.CountAsync()));

        var (first, stored) = await SendAsync(Comment("ev-replayed", "jules", "Toujours pas de remboursement, scandale !"));
        Assert.Equal(HttpStatusCode.Created, first);
        var (replayed, again) = await SendAsync(Comment("ev-replayed", "jules", "Toujours pas de remboursement, scandale !"));
        Assert.Equal((HttpStatusCode.OK, "true", stored.Str("id")), (replayed, again.Str("duplicate"), again.Str("id")));
        Assert.Equal(before + 1, await server.ReadDbAsync(db => db.SocialPosts.CountAsync()));
        Assert.Equal(1, await server.ReadDbAsync(db => db.Messages.CountAsync(m => m.Body == "Toujours pas de remboursement, scandale !")));
    }

    [Fact]
    public async Task Comments_are_classified_with_their_rule_only_insults_spam_and_personal_data_are_hidden_and_a_complaint_gets_a_case_that_the_private_message_continues()
    {
        server.SkipIfUnavailable();
        var (_, complaint) = await SendAsync(Comment("ev-c1", "claire_b", "Bagage perdu depuis 5 jours et aucune réponse de votre part. Inadmissible."));
        Assert.Equal("complaint", complaint.Str("class"));
        Assert.Contains("complaint lexicon", complaint.Str("rule"), StringComparison.Ordinal);
        Assert.Null(complaint["hiddenBecause"]?.GetValue<string>());
        var caseId = complaint.Str("caseId");
        var (_, c) = await server.Api.GetJsonAsync($"/api/cases/{caseId}");
        Assert.Equal("social", c.Str("channel"));
        // Said in public: a shorter target (the team's public hours, H6) than a case opened by email at the same time.
        var due = DateTimeOffset.Parse(c["promises"]!.AsArray().Single()!.Str("dueAt"), System.Globalization.CultureInfo.InvariantCulture);
        var (_, byEmail) = await server.Api.PostJsonAsync("/api/cases", new { customer = new { name = "Témoin", email = "temoin.social@example.fr" }, channel = "email", subject = "Témoin", body = "Même moment." });
        var emailDue = DateTimeOffset.Parse(byEmail["promises"]!.AsArray().Single()!.Str("dueAt"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(due < emailDue, $"public due {due:O} should come before {emailDue:O}");

        // The private conversation continues in the same case.
        var (_, dm) = await SendAsync(Comment("ev-m1", "claire_b", "Mon numéro de dossier bagage est FRALH12345.", kind: "message"));
        Assert.Equal(caseId, dm.Str("caseId"));
        var (_, after) = await server.Api.GetJsonAsync($"/api/cases/{caseId}");
        Assert.Equal("2", after.Str("contactCount"));
        // The answer goes back where she last wrote, unless the agent picks another channel.
        var (_, reply) = await server.Api.PostJsonAsync($"/api/cases/{caseId}/messages", new { direction = "out", body = "Nous avons retrouvé votre bagage, il arrive demain." });
        Assert.Equal("social", reply.Str("channel"));
        var (_, byMail) = await server.Api.PostJsonAsync($"/api/cases/{caseId}/messages", new { direction = "out", channel = "email", body = "Le bon de livraison suit." });
        Assert.Equal("email", byMail.Str("channel"));

        var (_, question) = await SendAsync(Comment("ev-q1", "paul_q", "Quand rouvre la boutique de Lyon ?"));
        Assert.Equal("question", question.Str("class"));
        Assert.False(string.IsNullOrEmpty(question.Str("caseId")));

        // A negative opinion stays visible and opens no case; an insult and spam are hidden; personal data posted in public is hidden.
        var (_, opinion) = await SendAsync(Comment("ev-o1", "nina_o", "Votre nouvelle application est moche, franchement je préférais l'ancienne."));
        Assert.Equal(("opinion", ""), (opinion.Str("class"), opinion.Str("caseId")));
        Assert.Null(opinion["hiddenBecause"]?.GetValue<string>());
        var (_, insult) = await SendAsync(Comment("ev-i1", "troll_1", "Bande d'abrutis."));
        Assert.Equal(("insultOrSpam", "insult or spam"), (insult.Str("class"), insult.Str("hiddenBecause")));
        var (_, spam) = await SendAsync(Comment("ev-s1", "promo_bot", "Gagnez un iPhone gratuit ici https://spam.example/win"));
        Assert.Equal("insultOrSpam", spam.Str("class"));
        var (_, personal) = await SendAsync(Comment("ev-p1", "marc_p", "Toujours pas remboursé, appelez-moi au 06 12 34 56 78"));
        Assert.Equal("complaint", personal.Str("class"));
        Assert.StartsWith("personal data in public", personal.Str("hiddenBecause"), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(personal.Str("caseId")));

        var (_, listed) = await server.Api.GetJsonAsync("/api/channels/social/posts?class=opinion");
        Assert.Contains(listed["items"]!.AsArray(), p => p!.Str("eventId") == "ev-o1");
    }

    [Fact]
    public async Task The_agent_answers_a_public_complaint_in_public_from_a_draft_with_empathy_the_reference_and_a_date()
    {
        server.SkipIfUnavailable();
        var (_, complaint) = await SendAsync(Comment("ev-pub-1", "lea_pub", "Colis perdu, toujours pas remboursée. Honteux."));
        var caseId = complaint.Str("caseId");
        var (_, c) = await server.Api.GetJsonAsync($"/api/cases/{caseId}");
        var (_, draft) = await server.Api.GetJsonAsync($"/api/cases/{caseId}/public-reply");
        var body = draft.Str("body");
        Assert.Contains("désolés", body, StringComparison.Ordinal);
        Assert.Contains("message privé", body, StringComparison.Ordinal);
        Assert.Contains(c.Str("reference"), body, StringComparison.Ordinal);
        Assert.Contains("au plus tard le", body, StringComparison.Ordinal);

        using (var agent = await Browserless.SignInAsync(server, "social.agent@guichet.test", "Inès Social"))
        {
            var (_, page, _) = await agent.GetAsync($"/cases/{caseId}");
            Assert.Contains("id=\"public-reply-form\"", page, StringComparison.Ordinal);
            Assert.Contains(c.Str("reference"), page, StringComparison.Ordinal);
        }

        var (posted, reply) = await server.Api.PostJsonAsync($"/api/cases/{caseId}/messages", new { direction = "out", body, @public = true });
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.Equal(("social", "true"), (reply.Str("channel"), reply.Str("public")));
        var messageId = long.Parse(reply.Str("id"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("post:facebook:post-42", await server.ReadDbAsync(db => db.Outbox.Where(o => o.MessageId == messageId).Select(o => o.Recipient).SingleAsync()));

        // Answered in private afterwards: to her account, not under the post.
        var (_, privately) = await server.Api.PostJsonAsync($"/api/cases/{caseId}/messages", new { direction = "out", channel = "social", body = "Voici le suivi de votre remboursement." });
        var privateId = long.Parse(privately.Str("id"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("facebook:lea_pub", await server.ReadDbAsync(db => db.Outbox.Where(o => o.MessageId == privateId).Select(o => o.Recipient).SingleAsync()));

        // An email case has nothing to answer under.
        var (_, mail) = await server.Api.PostJsonAsync("/api/cases", new { customer = new { name = "Sans Post", email = "sans.post@example.fr" }, channel = "email", subject = "Rien", body = "Rien." });
        (await server.Api.PostJsonAsync($"/api/cases/{mail.Str("id")}/messages", new { direction = "out", body = "Bonjour Sans Post, voici.", @public = true })).AssertProblemNames(400, "public");
    }

    [Fact]
    public async Task A_bad_event_gets_a_problem_naming_the_field()
    {
        server.SkipIfUnavailable();
        var (status, problem) = await SendAsync(new { eventId = "ev-bad", kind = "story", author = new { handle = "x y" }, text = "", time = Posted });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var errors = problem["errors"]!.AsObject().Select(e => e.Key).ToList();
        Assert.Contains("kind", errors);
        Assert.Contains("author.handle", errors);
        Assert.Contains("text", errors);
    }
}

public sealed class SocialOnSqlite(SqliteServer server) : SocialTests(server), IClassFixture<SqliteServer>;
public sealed class SocialOnPostgres(PostgresServer server) : SocialTests(server), IClassFixture<PostgresServer>;
