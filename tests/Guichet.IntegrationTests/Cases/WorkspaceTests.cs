using System.Net;
using Guichet.Testing;

namespace Guichet.IntegrationTests.Cases;

/// <summary>The agent workspace as an agent uses it: sign in, inbox, case page, reply, note, resolve.</summary>
public abstract class WorkspaceTests(GuichetServer server)
{
    [Fact]
    public async Task A_stranger_is_sent_to_sign_in_and_a_wrong_password_is_refused()
    {
        server.SkipIfUnavailable();
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
        var inbox = await anonymous.GetAsync("/", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, inbox.StatusCode);
        Assert.StartsWith("/login", inbox.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        using var browser = await Browserless.SignInAsync(server, "ui1@guichet.test", "Inès Agent");
        var (status, _, location) = await browser.PostFormAsync("/login", "/login", new() { ["email"] = "ui1@guichet.test", ["password"] = "wrong" });
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal("/login?error=1", location);
    }

    [Fact]
    public async Task An_agent_opens_a_case_for_a_caller_replies_notes_and_resolves_it()
    {
        server.SkipIfUnavailable();
        using var agent = await Browserless.SignInAsync(server, "ui2@guichet.test", "Inès Agent");

        var (status, _, location) = await agent.PostFormAsync("/cases/new", "/cases/new", new()
        {
            ["_handler"] = "new-case",
            ["Form.Name"] = "Paul Lefèvre", ["Form.Email"] = "paul.ui@example.fr", ["Form.Language"] = "fr", ["Form.TimeZone"] = "Europe/Paris",
            ["Form.Team"] = "service-client", ["Form.Channel"] = "phone", ["Form.Subject"] = "Tuyau de skimmer manquant", ["Form.Body"] = "Appel : il manque le tuyau.",
        });
        Assert.Equal(HttpStatusCode.Redirect, status);
        var casePath = new Uri(server.BaseAddress, location).AbsolutePath;
        var formPath = "/ui" + casePath;

        var (_, inbox, _) = await agent.GetAsync("/");
        Assert.Contains("Tuyau de skimmer manquant", inbox, StringComparison.Ordinal);
        Assert.Contains("Boîte de réception", inbox, StringComparison.Ordinal);

        var (_, page, _) = await agent.GetAsync(casePath);
        Assert.Contains("mardi 1er décembre à 16:00", page, StringComparison.Ordinal);
        Assert.Contains("Première réponse d&#x27;une personne", page, StringComparison.Ordinal);

        (status, _, location) = await agent.PostFormAsync(casePath, formPath + "/note", new() { ["text"] = "Client très aimable, tuyau côté droit." });
        Assert.Equal((HttpStatusCode.Redirect, casePath), (status, location));
        (status, _, location) = await agent.PostFormAsync(casePath, casePath, new() { ["_handler"] = "reply", ["ReplyBody"] = "Bonjour Paul Lefèvre, le tuyau part aujourd'hui." });
        Assert.Equal(HttpStatusCode.Redirect, status);

        (_, page, _) = await agent.GetAsync(casePath);
        Assert.Contains("le tuyau part aujourd&#x27;hui", page, StringComparison.Ordinal);
        Assert.Contains("Client très aimable", page, StringComparison.Ordinal);
        Assert.Contains(">tenue<", page, StringComparison.Ordinal);

        (status, _, _) = await agent.PostFormAsync(casePath, formPath + "/resolve", new());
        Assert.Equal(HttpStatusCode.Redirect, status);
        (_, page, _) = await agent.GetAsync(casePath);
        Assert.Contains("id=\"case-status\">Résolu<", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_reply_keeps_the_agents_text_and_the_page_says_why()
    {
        server.SkipIfUnavailable();
        var (_, c) = await server.Api.PostJsonAsync("/api/cases", Contacts.French("ui.guard@example.fr"));
        using var agent = await Browserless.SignInAsync(server, "ui3@guichet.test", "Inès Agent");
        var casePath = $"/cases/{c.Str("id")}";
        var (status, html, _) = await agent.PostFormAsync(casePath, casePath, new() { ["_handler"] = "reply", ["ReplyBody"] = "Bonjour [NAME], voici ma réponse soignée." });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        // Said in the agent's language, never the API's codes and English (issue 24).
        Assert.Contains("La réponse contient encore des champs à remplir : [NAME].", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Q1.placeholder", html, StringComparison.Ordinal);
        Assert.Contains(">Bonjour [NAME], voici ma réponse soignée.</textarea>", html, StringComparison.Ordinal);
        // The whole page comes back, layout and all, not a bare fragment.
        Assert.Contains("<link rel=\"stylesheet\" href=\"site.css\"", html, StringComparison.Ordinal);

        var (emptyNote, _, location) = await agent.PostFormAsync(casePath, $"/ui/cases/{c.Str("id")}/note", new() { ["text"] = " " });
        Assert.Equal(HttpStatusCode.Redirect, emptyNote);
        var (_, shown, _) = await agent.GetAsync(location!);
        Assert.Contains("The note is empty.", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_without_its_antiforgery_token_is_refused()
    {
        server.SkipIfUnavailable();
        using var agent = await Browserless.SignInAsync(server, "ui4@guichet.test", "Inès Agent");
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = "ui4@guichet.test", ["password"] = "correct horse battery" });
        var response = await client.PostAsync("/login", form, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

public sealed class WorkspaceOnSqlite(SqliteServer server) : WorkspaceTests(server), IClassFixture<SqliteServer>;
public sealed class WorkspaceOnPostgres(PostgresServer server) : WorkspaceTests(server), IClassFixture<PostgresServer>;
