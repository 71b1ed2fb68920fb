using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Guichet.Testing;
using Microsoft.EntityFrameworkCore;

namespace Guichet.IntegrationTests.Permissions;

/// <summary>Issue 10: people added by an admin, sign-in lockout, personal API tokens (hashed, scoped, revocable, last use shown).</summary>
public abstract class AccountsAndTokensTests(GuichetServer server)
{
    private async Task<long> AddPersonAsync(string email, string role = "agent")
    {
        var (response, body) = await server.Api.PostJsonAsync("/api/agents", new { email, name = "Nadia Ferhat", role, team = (string?)null, password = Browserless.Password });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal((role, "true"), (body.Str("role"), body.Str("canSignIn")));
        return long.Parse(body.Str("id"));
    }

    private async Task<JsonNode> SendAsync(Browserless browser, HttpMethod method, string url, object? json, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, url);
        if (json is not null)
        {
            request.Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(json), Encoding.UTF8, "application/json");
        }
        using var response = await browser.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(expected == response.StatusCode, $"{method} {url}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }

    private HttpClient Bearer(string token)
    {
        var client = new HttpClient { BaseAddress = server.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task An_admin_adds_people_and_bad_requests_name_the_field()
    {
        server.SkipIfUnavailable();
        await AddPersonAsync("nadia.accounts@guichet.test", "auditor");
        (await server.Api.PostJsonAsync("/api/agents", new { email = "nadia.accounts@guichet.test", name = "Again" })).AssertProblemNames(400, "email");
        (await server.Api.PostJsonAsync("/api/agents", new { email = "x@guichet.test", name = "X", role = "boss" })).AssertProblemNames(400, "role");
        (await server.Api.PostJsonAsync("/api/agents", new { email = "y@guichet.test", name = "Y", password = "short" })).AssertProblemNames(400, "password");

        // Only an admin changes a role; an agent who tries is refused by the policy.
        using var agent = await Browserless.SignInAsync(server, "plain.accounts@guichet.test", "Plain Agent");
        await SendAsync(agent, HttpMethod.Post, "/api/agents", new { email = "z@guichet.test", name = "Z" }, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_a_quarter_of_an_hour()
    {
        server.SkipIfUnavailable();
        await AddPersonAsync("locked.accounts@guichet.test");
        using var browser = Browserless.Anonymous(server);
        for (var i = 0; i < 5; i++)
        {
            var (_, _, wrong) = await browser.PostFormAsync("/login", "/login", new() { ["email"] = "locked.accounts@guichet.test", ["password"] = "not the password" });
            Assert.Equal("/login?error=1", wrong);
        }
        // Locked: even the right password is refused, with the same words as a wrong one (issue 21: a
        // lock must not tell who has an account), and a stranger's address reads exactly the same.
        var (_, _, refused) = await browser.PostFormAsync("/login", "/login", new() { ["email"] = "locked.accounts@guichet.test", ["password"] = Browserless.Password });
        var (_, _, stranger) = await browser.PostFormAsync("/login", "/login", new() { ["email"] = "nobody.here@guichet.test", ["password"] = "not the password" });
        Assert.Equal(("/login?error=1", "/login?error=1"), (refused, stranger));
        var (_, page, _) = await browser.GetAsync(refused!);
        Assert.DoesNotContain("verrouillé", WebUtility.HtmlDecode(page), StringComparison.Ordinal);

        await server.AdvanceAsync(TimeSpan.FromMinutes(16));
        var (status, _, location) = await browser.PostFormAsync("/login", "/login", new() { ["email"] = "locked.accounts@guichet.test", ["password"] = Browserless.Password });
        Assert.Equal((HttpStatusCode.Redirect, "/"), (status, location));
    }

    [Fact]
    public async Task A_session_follows_its_account_a_new_role_applies_at_once_and_deactivation_ends_it_at_the_next_click()
    {
        server.SkipIfUnavailable();
        var person = await AddPersonAsync("session.accounts@guichet.test", "manager");
        using var browser = await Browserless.SignInAsync(server, "session.accounts@guichet.test", "Nadia Ferhat");
        await SendAsync(browser, HttpMethod.Get, "/api/metrics/promise-keeping", null, HttpStatusCode.OK);

        // Demoted: the same cookie no longer opens the team's figures.
        Assert.Equal(HttpStatusCode.OK, (await server.Api.PatchJsonAsync($"/api/agents/{person}", new { role = "agent" })).Response.StatusCode);
        await SendAsync(browser, HttpMethod.Get, "/api/metrics/promise-keeping", null, HttpStatusCode.Forbidden);
        await SendAsync(browser, HttpMethod.Get, "/api/cases", null, HttpStatusCode.OK);

        // Deactivated: out at the next request, not when the cookie expires.
        Assert.Equal(HttpStatusCode.OK, (await server.Api.PatchJsonAsync($"/api/agents/{person}", new { active = false })).Response.StatusCode);
        await SendAsync(browser, HttpMethod.Get, "/api/cases", null, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_personal_token_acts_as_its_person_within_its_scope_until_revoked()
    {
        server.SkipIfUnavailable();
        var person = await AddPersonAsync("tokens.accounts@guichet.test");
        using var browser = await Browserless.SignInAsync(server, "tokens.accounts@guichet.test", "Nadia Ferhat");
        (await SendAsync(browser, HttpMethod.Post, "/api/tokens", new { name = "", scope = "root" }, HttpStatusCode.BadRequest)).AsObject();

        var read = await SendAsync(browser, HttpMethod.Post, "/api/tokens", new { name = "tableau Excel", scope = "read", expiresInDays = 90 }, HttpStatusCode.Created);
        var full = await SendAsync(browser, HttpMethod.Post, "/api/tokens", new { name = "script de relance", scope = "full" }, HttpStatusCode.Created);
        var readSecret = read.Str("token");
        Assert.StartsWith("gch_", readSecret, StringComparison.Ordinal);
        Assert.Equal(readSecret[..10], read.Str("details.hint"));

        // Only the hash is kept.
        Assert.False(await server.ReadDbAsync(db => db.ApiTokens.AnyAsync(t => t.Hash == readSecret || t.Hint == readSecret)));

        var (opened, @case) = await server.Api.PostJsonAsync("/api/cases", new { customer = new { name = "Client Jeton", email = "client.jeton@example.fr" }, channel = "email", subject = "Colis", body = "Où est mon colis ?" });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var note = new { text = "Appelé le transporteur." };

        using (var reader = Bearer(readSecret))
        {
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/cases/{@case.Str("id")}", TestContext.Current.CancellationToken)).StatusCode);
            (await reader.PostJsonAsync($"/api/cases/{@case.Str("id")}/notes", note)).AssertProblemNames(403, "authorization");
        }
        using (var writer = Bearer(full.Str("token")))
        {
            var (added, _) = await writer.PostJsonAsync($"/api/cases/{@case.Str("id")}/notes", note);
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        }
        var mine = (await SendAsync(browser, HttpMethod.Get, "/api/tokens", null, HttpStatusCode.OK)).AsArray();
        Assert.Equal(2, mine.Count);
        Assert.All(mine, t => Assert.NotNull(t!["lastUsedAt"]?.GetValue<DateTimeOffset>()));
        Assert.All(mine, t => Assert.Null(t!["token"]));

        // Revoked: refused at once. A deactivated person's tokens stop too.
        await SendAsync(browser, HttpMethod.Delete, $"/api/tokens/{read.Str("details.id")}", null, HttpStatusCode.OK);
        using (var revoked = Bearer(readSecret))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await revoked.GetAsync("/api/cases", TestContext.Current.CancellationToken)).StatusCode);
        }
        var (deactivated, _) = await server.Api.PatchJsonAsync($"/api/agents/{person}", new { active = false });
        Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
        using (var gone = Bearer(full.Str("token")))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await gone.GetAsync("/api/cases", TestContext.Current.CancellationToken)).StatusCode);
        }
    }
}

public sealed class AccountsAndTokensOnSqlite(SqliteServer server) : AccountsAndTokensTests(server), IClassFixture<SqliteServer>;
public sealed class AccountsAndTokensOnPostgres(PostgresServer server) : AccountsAndTokensTests(server), IClassFixture<PostgresServer>;
