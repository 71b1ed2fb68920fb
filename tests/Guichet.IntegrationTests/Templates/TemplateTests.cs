using System.Net;
using Guichet.Core.Replies;
using Guichet.Testing;
using Microsoft.EntityFrameworkCore;

namespace Guichet.IntegrationTests.Templates;

/// <summary>SPEC Q1, E4 and the templates of issue 6 through /api/templates and the replies that use them.</summary>
public abstract class TemplateTests(GuichetServer server)
{
    // seeds/004: the relay's name and address were the fields the agent forgot.
    private const string ParcelRelay = "{{ greeting }},\n\nVotre colis de la commande {{ order_number }} a bien été livré au point relais {{ relay_name }}, {{ relay_address }}.\n\n{{ agent.name }}, {{ team.name }}";

    private async Task<string> OpenAsync(string email)
    {
        // A missed connection, not a major problem: an escalated case would also refuse a template sent unchanged (E4).
        var (response, body) = await server.Api.PostJsonAsync("/api/cases", Contacts.French(email, "Bonjour, nous avons manqué notre correspondance."));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return body.Str("id");
    }

    private static List<string> Reasons((HttpResponseMessage Response, System.Text.Json.Nodes.JsonNode Body) result) => result.Body["errors"]!["body"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();

    [Fact]
    public async Task The_seeds_004_email_sent_with_a_field_left_empty_is_blocked_with_Q1_and_nothing_leaves()
    {
        server.SkipIfUnavailable();
        var (saved, template) = await server.Api.PutJsonAsync("/api/templates/parcel-relay", new { team = "service-client", language = "fr", name = "Colis en point relais", body = ParcelRelay });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(["order_number", "relay_name", "relay_address"], template["variables"]!.AsArray().Select(v => v!.GetValue<string>()));
        var id = await OpenAsync("relais@example.fr");
        var outbox = await server.ReadDbAsync(db => db.Outbox.CountAsync());

        var refused = await server.Api.PostJsonAsync($"/api/cases/{id}/messages",
            new { direction = "out", templateId = "parcel-relay", variables = new { order_number = "FL-88231" } });
        refused.AssertProblemNames(422, "body");
        var q1 = Assert.Single(Reasons(refused), r => r.StartsWith("Q1.field", StringComparison.Ordinal));
        Assert.Contains("{{ relay_name }}", q1, StringComparison.Ordinal);
        Assert.Contains("{{ relay_address }}", q1, StringComparison.Ordinal);
        Assert.Equal(outbox, await server.ReadDbAsync(db => db.Outbox.CountAsync()));

        var (sent, message) = await server.Api.PostJsonAsync($"/api/cases/{id}/messages",
            new { direction = "out", templateId = "parcel-relay", variables = new { order_number = "FL-88231", relay_name = "Tabac de la Gare", relay_address = "3 rue Carnot, Lyon" } });
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        Assert.StartsWith("Bonjour Julien Rio,", message.Str("body"), StringComparison.Ordinal);
        Assert.Contains("point relais Tabac de la Gare, 3 rue Carnot, Lyon.", message.Str("body"), StringComparison.Ordinal);
        Assert.Contains("Administrateur API, Service client", message.Str("body"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_preview_on_a_real_case_shows_the_empty_fields_and_the_guards_verdict()
    {
        server.SkipIfUnavailable();
        await server.Api.PutJsonAsync("/api/templates/parcel-relay", new { team = "service-client", language = "fr", body = ParcelRelay });
        var id = await OpenAsync("apercu@example.fr");
        var (response, preview) = await server.Api.PostJsonAsync("/api/templates/preview", new { templateId = "parcel-relay", caseId = long.Parse(id), variables = new { order_number = "FL-1" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["relay_name", "relay_address"], preview["emptyFields"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Contains("point relais {{ relay_name }}, {{ relay_address }}.", preview.Str("draft"), StringComparison.Ordinal);
        Assert.Contains("point relais , .", preview.Str("text"), StringComparison.Ordinal);
        Assert.Contains(preview["reasons"]!.AsArray(), r => r!.Str("code") == "Q1.field" && r!.Str("blocking") == "true");
    }

    [Fact]
    public async Task A_teams_acknowledgment_is_used_and_one_that_fails_the_guard_on_a_case_gives_way_to_the_shipped_text_with_an_event()
    {
        server.SkipIfUnavailable();
        try
        {
            var (saved, _) = await server.Api.PutJsonAsync("/api/templates/acknowledgment", new
            {
                team = "service-client", language = "fr",
                body = "{{ greeting }},\n\nNous avons bien reçu votre demande {{ case.reference }}. Réponse garantie au plus tard le {{ promise.due }}.\n\n{{ team.name }}",
            });
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            var (_, own) = await server.Api.PostJsonAsync("/api/cases", Contacts.French("propre@example.fr"));
            Assert.Contains("Réponse garantie au plus tard le", own.Str("acknowledgment.body"), StringComparison.Ordinal);

            // This version prints the salutation, which this customer's profile does not have.
            await server.Api.PutJsonAsync("/api/templates/acknowledgment", new
            {
                team = "service-client", language = "fr",
                body = "Bonjour {{ customer.salutation }} {{ customer.name }},\n\nVotre demande {{ case.reference }} aura une réponse le {{ promise.due }} au plus tard.",
            });
            var (_, fallback) = await server.Api.PostJsonAsync("/api/cases", Contacts.French("sans-civilite@example.fr"));
            Assert.Contains("Merci pour votre message. Votre demande est enregistrée sous la référence", fallback.Str("acknowledgment.body"), StringComparison.Ordinal);
            var (_, c) = await server.Api.GetJsonAsync($"/api/cases/{fallback.Str("id")}");
            Assert.Contains(c["events"]!.AsArray(), e => e!.Str("kind") == "guardBlocked" && e!.Str("from") == "acknowledgment" && e!.Str("to") == "Q1.field");
        }
        finally
        {
            var removed = await server.Api.DeleteAsync("/api/templates/acknowledgment?team=service-client", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        }
        var (_, list) = await server.Api.GetJsonAsync("/api/templates?team=service-client");
        var ack = list.AsArray().Single(t => t!.Str("key") == "acknowledgment" && t!.Str("language") == "fr")!;
        Assert.Equal("false", ack.Str("customised"));
        // Every shipped text, in French and English.
        Assert.Equal(ShippedTemplates.Keys.Count * 2, list.AsArray().Count(t => t!.Str("shipped") == "true"));
    }

    [Fact]
    public async Task Invalid_liquid_an_unknown_field_a_bad_key_or_language_are_refused_naming_the_field()
    {
        server.SkipIfUnavailable();
        (await server.Api.PutJsonAsync("/api/templates/relance", new { language = "fr", body = "Bonjour {% if customer.name %}sans fin" })).AssertProblemNames(400, "body");
        var unknown = await server.Api.PutJsonAsync("/api/templates/relance", new { language = "fr", body = "Bonjour {{ customer.nmae }}" });
        unknown.AssertProblemNames(400, "body");
        Assert.Contains("{{ customer.nmae }}", unknown.Body.ToJsonString(), StringComparison.Ordinal);
        (await server.Api.PutJsonAsync("/api/templates/Relance!", new { language = "fr", body = "Bonjour" })).AssertProblemNames(400, "key");
        (await server.Api.PutJsonAsync("/api/templates/relance", new { language = "de", body = "Hallo" })).AssertProblemNames(400, "language");
        (await server.Api.PutJsonAsync("/api/templates/relance", new { team = "nulle-part", language = "fr", body = "Bonjour" })).AssertProblemNames(404, "team");
        var id = await OpenAsync("inconnu@example.fr");
        (await server.Api.PostJsonAsync($"/api/cases/{id}/messages", new { direction = "out", templateId = "pas-de-modele" })).AssertProblemNames(400, "templateId");
    }

    [Fact]
    public async Task A_template_sent_unchanged_to_a_customer_who_wrote_three_times_needs_personalising_E4()
    {
        server.SkipIfUnavailable();
        await server.Api.PutJsonAsync("/api/templates/patience", new { team = "service-client", language = "fr", body = "{{ greeting }},\n\nVotre dossier {{ case.reference }} est en cours de traitement.\n\n{{ agent.name }}" });
        var id = await OpenAsync("impatient@example.fr");
        await server.Api.PostJsonAsync($"/api/cases/{id}/messages", new { direction = "in", body = "Alors ?" });
        await server.Api.PostJsonAsync($"/api/cases/{id}/messages", new { direction = "in", body = "Toujours rien, c'est inadmissible." });

        var canned = await server.Api.PostJsonAsync($"/api/cases/{id}/messages", new { direction = "out", templateId = "patience" });
        canned.AssertProblemNames(422, "body");
        Assert.Contains(Reasons(canned), r => r.StartsWith("E4.template", StringComparison.Ordinal));

        // The same template, with a sentence written for this customer, leaves.
        var (_, preview) = await server.Api.PostJsonAsync("/api/templates/preview", new { templateId = "patience", caseId = long.Parse(id) });
        var personal = preview.Str("text").Replace("est en cours de traitement.", "est en cours de traitement : votre valise a été localisée à Francfort ce matin.", StringComparison.Ordinal);
        var (sent, _) = await server.Api.PostJsonAsync($"/api/cases/{id}/messages", new { direction = "out", templateId = "patience", body = personal });
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
    }
}

public sealed class TemplatesOnSqlite(SqliteServer server) : TemplateTests(server), IClassFixture<SqliteServer>;
public sealed class TemplatesOnPostgres(PostgresServer server) : TemplateTests(server), IClassFixture<PostgresServer>;

/// <summary>The workspace side: an admin edits a template, an agent inserts it into a reply and sees the fields to fill.</summary>
public abstract class TemplateWorkspaceTests(GuichetServer server)
{
    [Fact]
    public async Task An_admin_saves_a_macro_a_refused_save_keeps_the_text_and_an_agent_inserts_it_with_its_empty_fields_shown()
    {
        server.SkipIfUnavailable();
        using var admin = await Browserless.SignInAsync(server, "tpl.admin@guichet.test", "Alice Admin", role: Core.Agents.AgentRole.Admin);
        const string page = "/templates?team=service-client&new=true";
        var (status, html, _) = await admin.PostFormAsync(page, page, new()
        {
            ["_handler"] = "template", ["FormKey"] = "relais", ["FormLanguage"] = "fr", ["FormName"] = "Point relais",
            ["FormBody"] = "{{ greeting }},\n\nVotre colis est au relais {{ relay_name }} ({{ customer.adresse }}).",
        });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("{{ customer.adresse }}", html, StringComparison.Ordinal);
        Assert.Contains("Votre colis est au relais {{ relay_name }} ({{ customer.adresse }}).</textarea>", html, StringComparison.Ordinal);

        (status, _, var location) = await admin.PostFormAsync(page, page, new()
        {
            ["_handler"] = "template", ["FormKey"] = "relais", ["FormLanguage"] = "fr", ["FormName"] = "Point relais",
            ["FormBody"] = "{{ greeting }},\n\nVotre colis est au relais {{ relay_name }}.\n\n{{ agent.name }}",
        });
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Contains("saved=true", location, StringComparison.Ordinal);
        (_, html, _) = await admin.GetAsync(location!);
        Assert.Contains("id=\"template-preview\">Bonjour Madame Claire Durand,", html, StringComparison.Ordinal);
        Assert.Contains("Q1.field", html, StringComparison.Ordinal);

        var (_, c) = await server.Api.PostJsonAsync("/api/cases", Contacts.French("tpl.ui@example.fr"));
        using var agent = await Browserless.SignInAsync(server, "tpl.agent@guichet.test", "Inès Agent");
        var casePath = $"/cases/{c.Str("id")}";
        (_, html, _) = await agent.GetAsync(casePath + "?template=relais");
        Assert.Contains("Votre colis est au relais {{ relay_name }}.", html, StringComparison.Ordinal);
        Assert.Contains("id=\"fields-to-fill\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"TemplateId\" value=\"relais\"", html, StringComparison.Ordinal);

        // Sent without filling the field: refused; filled: it leaves.
        var draft = "Bonjour Julien Rio,\n\nVotre colis est au relais {{ relay_name }}.\n\nInès Agent";
        (status, html, _) = await agent.PostFormAsync(casePath, casePath, new() { ["_handler"] = "reply", ["ReplyBody"] = draft, ["TemplateId"] = "relais" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("La réponse contient encore des champs à remplir : {{ relay_name }}.", html, StringComparison.Ordinal);
        (status, _, _) = await agent.PostFormAsync(casePath, casePath, new() { ["_handler"] = "reply", ["ReplyBody"] = draft.Replace("{{ relay_name }}", "Tabac de la Gare", StringComparison.Ordinal), ["TemplateId"] = "relais" });
        Assert.Equal(HttpStatusCode.Redirect, status);
    }
}

public sealed class TemplateWorkspaceOnSqlite(SqliteServer server) : TemplateWorkspaceTests(server), IClassFixture<SqliteServer>;
