using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Guichet.Core.Agents;
using Guichet.Core.Teams;
using Guichet.Testing;
using Microsoft.EntityFrameworkCore;

namespace Guichet.IntegrationTests.Routing;

/// <summary>Issue 7 routing: ordered rules, the customer's language, assignment to an available agent who speaks it.</summary>
public abstract class RoutingTests(GuichetServer server)
{
    private async Task<(long English, long French)> DeskAsync()
    {
        await server.ReadDbAsync(async db =>
        {
            if (!await db.Teams.AnyAsync(t => t.Slug == "accueil"))
            {
                var team = new Team { Slug = "accueil", Name = "Accueil", TimeZone = "Europe/Paris", Hours = "mon-fri 09:00-17:00", Languages = "fr,en", AutoAssign = true };
                db.Teams.Add(team);
                db.Agents.Add(new Agent { Email = "anna.routing@guichet.test", Name = "Anna Smith", Team = team, Languages = "en", PasswordHash = "x" });
                db.Agents.Add(new Agent { Email = "benoit.routing@guichet.test", Name = "Benoît Roy", Team = team, Languages = "fr", PasswordHash = "x" });
                await db.SaveChangesAsync();
            }
            return 0;
        });
        return await server.ReadDbAsync(async db => (
            (await db.Agents.SingleAsync(a => a.Email == "anna.routing@guichet.test")).Id,
            (await db.Agents.SingleAsync(a => a.Email == "benoit.routing@guichet.test")).Id));
    }

    private async Task<System.Text.Json.Nodes.JsonNode> MailAsync(string from, string subject, string body)
    {
        var raw = $"From: {from}\r\nTo: accueil@guichet.test\r\nSubject: {subject}\r\nMessage-ID: <{Guid.NewGuid():N}@example>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n";
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(raw));
        content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
        var response = await server.Api.PostAsync("/api/inbound/email?team=accueil", content, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await ApiJson.ReadAsync(response);
        if (accepted["caseId"] is null)
        {
            var why = await server.ReadDbAsync(db => db.InboundEmails.OrderByDescending(e => e.Id).Select(e => e.Reason).FirstAsync());
            Assert.Fail(why);
        }
        var (_, c) = await server.Api.GetJsonAsync($"/api/cases/{accepted.Str("caseId")}");
        return c;
    }

    [Fact]
    public async Task A_French_speaking_customers_email_reaches_a_French_speaking_agent_and_an_English_one_an_English_speaking_agent()
    {
        server.SkipIfUnavailable();
        var (english, french) = await DeskAsync();
        var fr = await MailAsync("Chloé Martin <chloe.routing@example.fr>", "Facture en double", "Bonjour, j'ai reçu deux fois la même facture pour ma commande, pouvez-vous vérifier ? Merci.");
        Assert.Equal(french.ToString(System.Globalization.CultureInfo.InvariantCulture), fr.Str("owner.id"));
        Assert.Equal("fr", fr.Str("customer.language"));
        var en = await MailAsync("John Baker <john.routing@example.com>", "Double invoice", "Hello, I received the same invoice twice for my order, could you please check it? Thanks.");
        Assert.Equal(english.ToString(System.Globalization.CultureInfo.InvariantCulture), en.Str("owner.id"));
        Assert.Equal("en", en.Str("customer.language"));
        // The acknowledgment's promise belongs to the agent who got the case.
        Assert.Equal("Anna Smith", en.Str("promises.0.owner.name"));

        // Benoît steps away: nobody else speaks French, so the case waits for the team instead of going to Anna.
        var (changed, _) = await server.Api.PatchJsonAsync($"/api/agents/{french}", new { presence = "away" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var waiting = await MailAsync("Lucie Petit <lucie.routing@example.fr>", "Livraison", "Bonjour, ma livraison n'est pas arrivée, pouvez-vous me dire où elle en est ? Merci.");
        Assert.Equal("", waiting.Str("owner"));
        await server.Api.PatchJsonAsync($"/api/agents/{french}", new { presence = "available" });
    }

    [Fact]
    public async Task Ordered_rules_set_the_team_priority_and_category_and_a_rule_that_does_not_read_is_refused()
    {
        server.SkipIfUnavailable();
        await DeskAsync();
        (await server.Api.PutJsonAsync("/api/routing/rules", new object[] { new { name = "Nulle part", team = "nulle-part" } })).AssertProblemNames(400, "[0].team");
        var (saved, rules) = await server.Api.PutJsonAsync("/api/routing/rules", new object[]
        {
            new { name = "Clients or", tier = "gold", team = "accueil", priority = "high" },
            new { name = "Remboursements", terms = "remboursement, refund", category = "billing", priority = "low" },
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(2, rules.AsArray().Count);
        try
        {
            var (goldResponse, gold) = await server.Api.PostJsonAsync("/api/cases", new
            {
                customer = new { name = "Marie Or", email = "gold.routing@example.fr", language = "fr", tier = "gold" },
                channel = "email", subject = "Remboursement", body = "Je demande le remboursement de mon billet.",
            });
            Assert.True(goldResponse.StatusCode == HttpStatusCode.Created, gold.ToJsonString());
            Assert.Equal("accueil", gold.Str("team.slug"));
            Assert.Equal("high", gold.Str("priority"));
            Assert.Contains(gold["events"]!.AsArray(), e => e!.Str("kind") == "routed" && e!.Str("detail").Contains("Clients or", StringComparison.Ordinal) && e!.Str("detail").Contains("Remboursements", StringComparison.Ordinal));
            var category = await server.ReadDbAsync(db => db.Cases.Where(c => c.Id == long.Parse(gold.Str("id"), System.Globalization.CultureInfo.InvariantCulture)).Select(c => c.Category).SingleAsync());
            Assert.Equal("billing", category);

            // A door that names the team keeps it; the rules still set priority and category.
            var (_, named) = await server.Api.PostJsonAsync("/api/cases", new
            {
                customer = new { name = "Paul Or", email = "gold2.routing@example.fr", language = "fr", tier = "gold" },
                channel = "email", subject = "Question", body = "Une question.", team = "service-client",
            });
            Assert.Equal("service-client", named.Str("team.slug"));
            Assert.Equal("high", named.Str("priority"));
        }
        finally
        {
            await server.Api.PutJsonAsync("/api/routing/rules", Array.Empty<object>());
        }
    }

    [Fact]
    public async Task Rules_read_the_customers_organisation_its_tags_and_fields_and_tag_the_new_case()
    {
        server.SkipIfUnavailable();
        await DeskAsync();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        (await server.Api.PostJsonAsync("/api/fields", new { key = $"segment-{suffix}", label = "Segment", type = "list", options = new[] { "PME", "Grand compte" }, appliesTo = "organisation" })).Response.EnsureSuccessStatusCode();
        var (_, organisation) = await server.Api.PostJsonAsync("/api/organisations", new { name = $"Acme {suffix}", domains = new[] { $"acme-{suffix}.fr" } });
        (await server.Api.PostJsonAsync($"/api/organisations/{organisation.Str("id")}/tags", new { add = new[] { $"cle-{suffix}" } })).Response.EnsureSuccessStatusCode();
        (await server.Api.PutJsonAsync($"/api/organisations/{organisation.Str("id")}/fields", new { customFields = new Dictionary<string, string> { [$"segment-{suffix}"] = "grand compte" } })).Response.EnsureSuccessStatusCode();

        (await server.Api.PutJsonAsync("/api/routing/rules", new object[] { new { name = "x", field = "inconnu=1", priority = "high" } })).AssertProblemNames(400, "[0].field");
        (await server.Api.PutJsonAsync("/api/routing/rules", new object[] { new { name = "x", field = $"segment-{suffix}=Startup", priority = "high" } })).AssertProblemNames(400, "[0].field");
        (await server.Api.PutJsonAsync("/api/routing/rules", new object[] { new { name = "x", organisation = "Nulle part", priority = "high" } })).AssertProblemNames(400, "[0].organisation");
        (await server.Api.PutJsonAsync("/api/routing/rules", new object[] { new { name = "x", tags = new string('x', 300) } })).AssertProblemNames(400, "[0].tags");
        var (saved, rules) = await server.Api.PutJsonAsync("/api/routing/rules", new object[]
        {
            new { name = "Grands comptes", field = $"segment-{suffix}=Grand compte", priority = "urgent", tags = "grand-compte, B2B" },
            new { name = "Acme", organisation = $"ACME {suffix}", team = "accueil" },
            new { name = "Clés", tag = $"cle-{suffix}", tags = "cle" },
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(($"segment-{suffix}=Grand compte", "grand-compte,b2b"), (rules.Str("0.field"), rules.Str("0.tags")));
        try
        {
            // A new customer writing from the organisation's domain: joined in the intake, routed by its profile.
            var mailed = await MailAsync($"Jean Acme <jean@acme-{suffix}.fr>", "Commande groupée", "Bonjour, où en est notre commande groupée ? Merci.");
            Assert.True(mailed.Str("priority") == "urgent" && mailed.Str("team.slug") == "accueil", mailed.ToJsonString());
            Assert.Equal(["b2b", "cle", "grand-compte"], mailed["tags"]!.AsArray().Select(t => t!.GetValue<string>()).Order(StringComparer.Ordinal));
            Assert.Contains(mailed["events"]!.AsArray(), e => e!.Str("kind") == "routed" && e!.Str("detail").Contains("Grands comptes", StringComparison.Ordinal));

            // The same through the API, where the new customer's membership is not stored yet.
            var (_, opened) = await server.Api.PostJsonAsync("/api/cases", new
            {
                customer = new { name = "Marie Acme", email = $"marie@acme-{suffix}.fr", language = "fr" },
                channel = "portal", subject = "Facture groupée", body = "Bonjour, la facture groupée est-elle prête ?", team = "service-client",
            });
            Assert.Equal(("urgent", "service-client"), (opened.Str("priority"), opened.Str("team.slug")));
            Assert.Contains("grand-compte", opened["tags"]!.AsArray().Select(t => t!.GetValue<string>()));

            // Someone else: no rule reads them.
            var other = await MailAsync($"Eve <eve@ailleurs-{suffix}.fr>", "Question", "Bonjour, une question simple.");
            Assert.NotEqual("urgent", other.Str("priority"));
            Assert.Empty(other["tags"]!.AsArray());
        }
        finally
        {
            await server.Api.PutJsonAsync("/api/routing/rules", Array.Empty<object>());
        }
    }
}

public sealed class RoutingOnSqlite(SqliteServer server) : RoutingTests(server), IClassFixture<SqliteServer>;
public sealed class RoutingOnPostgres(PostgresServer server) : RoutingTests(server), IClassFixture<PostgresServer>;

/// <summary>The workspace side of routing: rules edited as lines, an agent's presence.</summary>
public abstract class RoutingWorkspaceTests(GuichetServer server)
{
    [Fact]
    public async Task An_admin_edits_the_rules_as_lines_a_bad_line_keeps_the_text_and_an_agent_steps_away()
    {
        server.SkipIfUnavailable();
        using var admin = await Browserless.SignInAsync(server, "routing.admin@guichet.test", "Alice Admin", role: AgentRole.Admin);
        var (status, html, _) = await admin.PostFormAsync("/routing", "/routing", new() { ["_handler"] = "rules", ["Rules"] = "Or | tier=gold | team=service-client; priority=high\nCassée | couleur=bleu | priority=low" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Line 2", html, StringComparison.Ordinal);
        Assert.Contains("Cassée | couleur=bleu | priority=low</textarea>", html, StringComparison.Ordinal);

        (status, _, var location) = await admin.PostFormAsync("/routing", "/routing", new() { ["_handler"] = "rules", ["Rules"] = "Or | tier=gold | priority=high" });
        Assert.Equal(HttpStatusCode.Redirect, status);
        var (_, rules) = await server.Api.GetJsonAsync("/api/routing/rules");
        Assert.Equal("Or", rules.AsArray().Single()!.Str("name"));
        (_, html, _) = await admin.GetAsync(location!);
        Assert.Contains("Or | tier=gold | priority=high</textarea>", html, StringComparison.Ordinal);
        await server.Api.PutJsonAsync("/api/routing/rules", Array.Empty<object>());

        using var agent = await Browserless.SignInAsync(server, "routing.agent@guichet.test", "Inès Agent");
        var id = await server.ReadDbAsync(db => db.Agents.Where(a => a.Email == "routing.agent@guichet.test").Select(a => a.Id).SingleAsync());
        (status, _, _) = await agent.PostFormAsync("/routing", $"/ui/agents/{id}/presence", new() { ["presence"] = "away" });
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal(AgentPresence.Away, await server.ReadDbAsync(db => db.Agents.Where(a => a.Id == id).Select(a => a.Presence).SingleAsync()));
        // Someone else's presence is not an agent's to change.
        var other = await server.ReadDbAsync(db => db.Agents.Where(a => a.Email == "routing.admin@guichet.test").Select(a => a.Id).SingleAsync());
        (_, _, location) = await agent.PostFormAsync("/routing", $"/ui/agents/{other}/presence", new() { ["presence"] = "offline" });
        Assert.Contains("error=", location, StringComparison.Ordinal);
        Assert.Equal(AgentPresence.Available, await server.ReadDbAsync(db => db.Agents.Where(a => a.Id == other).Select(a => a.Presence).SingleAsync()));
    }
}

public sealed class RoutingWorkspaceOnSqlite(SqliteServer server) : RoutingWorkspaceTests(server), IClassFixture<SqliteServer>;
