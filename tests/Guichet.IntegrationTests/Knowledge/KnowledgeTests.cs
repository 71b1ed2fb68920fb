using System.Net;
using Guichet.Testing;

namespace Guichet.IntegrationTests.Knowledge;

/// <summary>SPEC K1, K2: one knowledge base, searched by agents and customers, suggested beside cases, fed by cases.</summary>
public abstract class KnowledgeTests(GuichetServer server)
{
    private async Task<string> WriteAsync(object article)
    {
        var (response, body) = await server.Api.PostJsonAsync("/api/knowledge/articles", article);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return body.Str("id");
    }

    [Fact]
    public async Task Agents_find_articles_ranked_with_highlighted_safe_snippets_and_the_messages_people_wrote()
    {
        server.SkipIfUnavailable();
        var relay = await WriteAsync(new
        {
            title = "Colis livré en point relais introuvable", language = "fr", status = "published", tags = new[] { "colis", "relais" },
            body = "Si le point relais indiqué ne trouve pas votre colis, nous lançons une enquête transporteur et vous renvoyons un colis <script>alert(1)</script> sous 48 heures.",
        });
        await WriteAsync(new { title = "Modifier son adresse de livraison", language = "fr", status = "published", body = "Depuis votre compte, rubrique adresses. Le colis suit la nouvelle adresse s'il n'est pas encore parti." });
        await WriteAsync(new { title = "Lost parcel at a pickup point", language = "en", status = "draft", body = "When the pickup point cannot find the parcel, we open a carrier investigation." });
        var (_, c) = await server.Api.PostJsonAsync("/api/cases", new
        {
            customer = new { name = "Nadia Benali", email = "kb.search@example.fr", language = "fr" },
            channel = "email", subject = "Relais", body = "Le relais Tabac Carnot dit que mon colis n'est jamais arrivé chez eux.", team = "service-client",
        });

        var (response, found) = await server.Api.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("colis relais"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var first = found["articles"]!.AsArray()[0]!;
        Assert.Equal(relay, first.Str("id"));
        Assert.Contains("<mark>", first.Str("snippet"), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script>", first.Str("snippet"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(found["messages"]!.AsArray(), m => m!.Str("caseId") == c.Str("id") && m!.Str("reference") == c.Str("reference") && m!.Str("snippet").Contains("<mark>", StringComparison.Ordinal));

        var (_, carnot) = await server.Api.GetJsonAsync("/api/search?q=carnot");
        var hit = Assert.Single(carnot["messages"]!.AsArray());
        Assert.Contains("<mark>Carnot</mark>", hit!.Str("snippet"), StringComparison.Ordinal);
        Assert.Empty(carnot["articles"]!.AsArray());

        // Acknowledgments are not searched: their words are in every case.
        var (_, automatic) = await server.Api.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("accusé de réception automatique"));
        Assert.Empty(automatic["messages"]!.AsArray());

        // Drafts are found by agents, with their status; the language filter keeps one language.
        var (_, english) = await server.Api.GetJsonAsync("/api/search?q=pickup&language=en");
        Assert.Equal("draft", english["articles"]!.AsArray().Single()!.Str("status"));
        var (_, none) = await server.Api.GetJsonAsync("/api/search?q=pickup&language=fr");
        Assert.Empty(none["articles"]!.AsArray());
    }

    [Fact]
    public async Task A_case_is_offered_the_published_articles_that_answer_it_and_can_become_a_draft_article()
    {
        server.SkipIfUnavailable();
        var luggage = await WriteAsync(new { title = "Valise perdue : la déclaration et le remboursement", language = "fr", status = "published", tags = new[] { "bagages" }, body = "Une valise perdue est déclarée au comptoir bagages. Après 21 jours sans nouvelles, le remboursement est dû." });
        await WriteAsync(new { title = "Valise perdue (brouillon)", language = "fr", status = "draft", body = "Valise perdue, version de travail." });
        var (_, c) = await server.Api.PostJsonAsync("/api/cases", new
        {
            customer = new { name = "Hugo Marchetti", email = "kb.suggest@example.fr", language = "fr" },
            channel = "email", subject = "Ma valise perdue à Lyon", body = "Bonjour, ma valise perdue depuis dix jours contient mes médicaments. Hugo Marchetti", team = "service-client",
        });
        var id = c.Str("id");

        var (_, suggestions) = await server.Api.GetJsonAsync($"/api/cases/{id}/suggestions");
        var shown = suggestions.AsArray().Select(s => s!.Str("id")).ToList();
        Assert.Equal(luggage, shown.First());
        Assert.All(suggestions.AsArray(), s => Assert.Equal("published", s!.Str("status")));

        await server.Api.PostJsonAsync($"/api/cases/{id}/messages", new { direction = "out", body = "Bonjour Hugo Marchetti, votre valise est retrouvée : elle vous sera livrée demain matin." });
        var (made, draft) = await server.Api.PostJsonAsync($"/api/cases/{id}/article", new { });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        Assert.Equal("draft", draft.Str("status"));
        Assert.Equal(id, draft.Str("sourceCaseId"));
        Assert.Contains("> Bonjour, ma valise perdue depuis dix jours", draft.Str("body"), StringComparison.Ordinal);
        Assert.Contains("votre valise est retrouvée", draft.Str("body"), StringComparison.Ordinal);
        Assert.DoesNotContain("Marchetti", draft.Str("body"), StringComparison.Ordinal);
        Assert.Contains("<h2>", draft.Str("html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Customers_read_and_search_only_published_public_articles_without_signing_in()
    {
        server.SkipIfUnavailable();
        var open = await WriteAsync(new { title = "Horaires du service client", language = "fr", status = "published", isPublic = true, body = "Le service client répond du lundi au vendredi, de 9 h à 18 h. <img src=x onerror=alert(1)>" });
        var internalOnly = await WriteAsync(new { title = "Horaires internes", language = "fr", status = "published", body = "Horaires de la permanence interne." });
        var draft = await WriteAsync(new { title = "Horaires de Noël", language = "fr", status = "draft", isPublic = true, body = "Horaires de Noël à confirmer." });
        using var visitor = Browserless.Anonymous(server);

        var (status, list, _) = await visitor.GetAsync("/api/help/articles?q=horaires");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Horaires du service client", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Horaires internes", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Noël", list, StringComparison.Ordinal);

        (status, var article, _) = await visitor.GetAsync($"/api/help/articles/{open}");
        Assert.Equal(HttpStatusCode.OK, status);
        // Raw HTML in an article is shown as text, never as a tag.
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", article, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", article, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/api/help/articles/{internalOnly}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/api/help/articles/{draft}")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await visitor.GetAsync("/api/knowledge/articles")).Status);

        (status, var page, _) = await visitor.GetAsync("/aide?q=horaires");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Horaires du service client", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Horaires internes", page, StringComparison.Ordinal);
        (status, page, _) = await visitor.GetAsync($"/aide/{open}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("du lundi au vendredi", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_article_without_title_or_with_a_bad_status_or_language_is_refused_naming_the_field()
    {
        server.SkipIfUnavailable();
        (await server.Api.PostJsonAsync("/api/knowledge/articles", new { body = "x", language = "fr" })).AssertProblemNames(400, "title");
        (await server.Api.PostJsonAsync("/api/knowledge/articles", new { title = "x", body = "x", language = "fr", status = "archived" })).AssertProblemNames(400, "status");
        (await server.Api.PostJsonAsync("/api/knowledge/articles", new { title = "x", body = "x", language = "es" })).AssertProblemNames(400, "language");
        (await server.Api.PutJsonAsync("/api/knowledge/articles/999999", new { title = "x", body = "x", language = "fr" })).AssertProblemNames(404, "id");
        var (_, empty) = await server.Api.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("\"* OR NEAR("));
        Assert.Empty(empty["articles"]!.AsArray());
    }
}

public sealed class KnowledgeOnSqlite(SqliteServer server) : KnowledgeTests(server), IClassFixture<SqliteServer>;
public sealed class KnowledgeOnPostgres(PostgresServer server) : KnowledgeTests(server), IClassFixture<PostgresServer>;

/// <summary>The workspace side of the knowledge base.</summary>
public abstract class KnowledgeWorkspaceTests(GuichetServer server)
{
    [Fact]
    public async Task An_agent_writes_an_article_finds_it_sees_it_suggested_beside_a_case_and_drafts_one_from_the_case()
    {
        server.SkipIfUnavailable();
        using var agent = await Browserless.SignInAsync(server, "kb.agent@guichet.test", "Inès Agent");
        var (status, html, _) = await agent.PostFormAsync("/knowledge/new", "/knowledge/new", new()
        {
            ["_handler"] = "article", ["Form.Title"] = "", ["Form.Language"] = "fr", ["Form.Status"] = "published", ["Form.Body"] = "Le **remboursement** d'un billet annulé part sous 7 jours.",
        });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Le **remboursement** d&#x27;un billet annulé part sous 7 jours.</textarea>", html, StringComparison.Ordinal);

        (status, _, var location) = await agent.PostFormAsync("/knowledge/new", "/knowledge/new", new()
        {
            ["_handler"] = "article", ["Form.Title"] = "Remboursement d'un billet annulé", ["Form.Language"] = "fr", ["Form.Status"] = "published",
            ["Form.Tags"] = "billet, remboursement", ["Form.Body"] = "Le **remboursement** d'un billet annulé part sous 7 jours.",
        });
        Assert.Equal(HttpStatusCode.Redirect, status);
        (_, html, _) = await agent.GetAsync(location!);
        Assert.Contains("<strong>remboursement</strong>", html, StringComparison.Ordinal);

        (_, html, _) = await agent.GetAsync("/knowledge?q=billet");
        Assert.Contains("Remboursement d&#x27;un billet annulé</a>", html, StringComparison.Ordinal);
        Assert.Contains("<mark>billet</mark>", html, StringComparison.Ordinal);

        var (_, c) = await server.Api.PostJsonAsync("/api/cases", new
        {
            customer = new { name = "Léa Moreau", email = "kb.ui@example.fr", language = "fr" },
            channel = "email", subject = "Billet annulé", body = "Mon train a été annulé, quand aurai-je le remboursement de mon billet ?", team = "service-client",
        });
        var casePath = $"/cases/{c.Str("id")}";
        (_, html, _) = await agent.GetAsync(casePath);
        Assert.Contains("id=\"suggestions\"", html, StringComparison.Ordinal);
        Assert.Contains("Remboursement d&#x27;un billet annulé</a>", html, StringComparison.Ordinal);

        (status, _, location) = await agent.PostFormAsync(casePath, $"/ui{casePath}/article", new());
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.StartsWith("/knowledge/", location, StringComparison.Ordinal);
        (_, html, _) = await agent.GetAsync(location!);
        Assert.Contains("Mon train a été annulé", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Moreau", html, StringComparison.Ordinal);
    }
}

public sealed class KnowledgeWorkspaceOnSqlite(SqliteServer server) : KnowledgeWorkspaceTests(server), IClassFixture<SqliteServer>;
