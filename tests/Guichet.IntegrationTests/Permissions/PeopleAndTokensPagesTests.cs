using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Guichet.Core.Agents;
using Guichet.Testing;
using Microsoft.EntityFrameworkCore;

namespace Guichet.IntegrationTests.Permissions;

/// <summary>Issue 10 in the workspace: an admin manages people on /people; anyone makes and revokes their own API tokens on /account/tokens.</summary>
public sealed partial class PeopleAndTokensPagesTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task An_admin_adds_a_person_changes_their_role_and_deactivates_them_and_a_refusal_keeps_what_was_typed()
    {
        using var admin = await Browserless.SignInAsync(server, "people.admin@guichet.test", "Adèle Admin", role: AgentRole.Admin);
        var (status, page, _) = await admin.GetAsync("/people");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Adèle Admin", page, StringComparison.Ordinal);

        var refused = await admin.PostFormAsync("/people", "/people", new()
        {
            ["_handler"] = "add-person", ["NewName"] = "Bruno Bis", ["NewEmail"] = "pas-une-adresse", ["NewRole"] = "lead", ["NewTeam"] = "service-client",
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("value=\"Bruno Bis\"", refused.Html, StringComparison.Ordinal);
        Assert.Contains("email", refused.Html, StringComparison.Ordinal);

        var added = await admin.PostFormAsync("/people", "/people", new()
        {
            ["_handler"] = "add-person", ["NewName"] = "Bruno Bis", ["NewEmail"] = "bruno.bis@guichet.test", ["NewRole"] = "lead", ["NewTeam"] = "service-client", ["NewPassword"] = Browserless.Password,
        });
        var id = await server.ReadDbAsync(db => db.Agents.Where(a => a.Email == "bruno.bis@guichet.test").Select(a => a.Id).SingleAsync());
        // Blazor answers with an absolute address of this server.
        Assert.Equal(new Uri(server.BaseAddress, $"/people?saved={id}"), new Uri(server.BaseAddress, added.Location));
        Assert.Equal(AgentRole.Lead, await RoleAsync(id));

        var changed = await admin.PostFormAsync("/people", $"/ui/people/{id}", new() { ["role"] = "manager", ["team"] = "service-client", ["allTeams"] = "true", ["active"] = "true" });
        Assert.Equal($"/people?saved={id}", changed.Location);
        Assert.Equal(AgentRole.Manager, await RoleAsync(id));

        // Unchecked "active" deactivates.
        await admin.PostFormAsync("/people", $"/ui/people/{id}", new() { ["role"] = "manager", ["team"] = "service-client" });
        Assert.False(await server.ReadDbAsync(db => db.Agents.Where(a => a.Id == id).Select(a => a.Active).SingleAsync()));
    }

    [Fact]
    public async Task The_people_page_is_an_admins_and_the_menu_shows_it_to_admins_only()
    {
        using var agent = await Browserless.SignInAsync(server, "people.agent@guichet.test", "Agathe Agent");
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/people")).Status);
        Assert.DoesNotContain("href=\"/people\"", (await agent.GetAsync("/")).Html, StringComparison.Ordinal);
        var refused = await agent.PostFormAsync("/account/tokens", "/ui/people/1", new() { ["role"] = "admin", ["team"] = "service-client", ["active"] = "true" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
    }

    [Fact]
    public async Task A_person_makes_a_token_sees_it_once_uses_it_and_revokes_it()
    {
        var ct = TestContext.Current.CancellationToken;
        using var agent = await Browserless.SignInAsync(server, "tokens.page@guichet.test", "Théo Jeton");
        var made = await agent.PostFormAsync("/account/tokens", "/account/tokens", new() { ["_handler"] = "make-token", ["TokenName"] = "tableau Excel", ["TokenScopeName"] = "read", ["TokenDays"] = "30" });
        Assert.Equal(HttpStatusCode.OK, made.Status);
        var secret = SecretShown().Match(made.Html).Groups[1].Value;
        Assert.StartsWith("gch_", secret, StringComparison.Ordinal);

        // Shown once: the page does not show it again, only its first characters.
        var (_, again, _) = await agent.GetAsync("/account/tokens");
        Assert.DoesNotContain(secret, again, StringComparison.Ordinal);
        Assert.Contains(secret[..10], again, StringComparison.Ordinal);

        using var script = new HttpClient { BaseAddress = server.BaseAddress };
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/cases", ct)).StatusCode);

        var tokenId = await server.ReadDbAsync(db => db.ApiTokens.Where(t => t.Hint == secret.Substring(0, 10)).Select(t => t.Id).SingleAsync(ct));
        var revoked = await agent.PostFormAsync("/account/tokens", $"/ui/tokens/{tokenId}/revoke", []);
        Assert.Equal("/account/tokens", revoked.Location);
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/cases", ct)).StatusCode);
    }

    private Task<AgentRole> RoleAsync(long id) => server.ReadDbAsync(db => db.Agents.Where(a => a.Id == id).Select(a => a.Role).SingleAsync());

    [GeneratedRegex("id=\"token-secret\">(gch_[^<]+)<")]
    private static partial Regex SecretShown();
}
