using System.Net;
using Guichet.Testing;
using Microsoft.EntityFrameworkCore;

namespace Guichet.IntegrationTests.Cases;

/// <summary>
/// Issue 25 (W4): views are saved filters, personal or shared with a team (by its lead) or with
/// everyone (by an admin); each has a count; its cases are read as the reader sees them ("me" is
/// the reader); the inbox lists them and saves its filters as one.
/// </summary>
public abstract class ViewTests(GuichetServer server)
{
    [Fact]
    public async Task A_personal_view_counts_and_lists_its_cases_and_a_leads_view_is_shared_with_the_team()
    {
        server.SkipIfUnavailable();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var (_, c) = await server.Api.PostJsonAsync("/api/cases", Contacts.French($"vue{i}.{suffix}@example.fr"));
            ids.Add(c.Str("id"));
        }
        foreach (var id in ids.Take(2))
        {
            (await server.Api.PostJsonAsync($"/api/cases/{id}/tags", new { add = new[] { $"vue-{suffix}" } })).Response.EnsureSuccessStatusCode();
        }

        // The admin's own view: tagged, nobody's, newest first.
        var (created, view) = await server.Api.PostJsonAsync("/api/views", new { name = $"Sans responsable {suffix}", tag = $"vue-{suffix}", owner = "nobody", status = "active", sort = "newest" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var (_, listed) = await server.Api.GetJsonAsync("/api/views");
        var mine = listed.AsArray().Single(v => v!.Str("id") == view.Str("id"))!;
        Assert.Equal(("2", "me"), (mine.Str("count"), mine.Str("share")));
        var (_, cases) = await server.Api.GetJsonAsync($"/api/views/{view.Str("id")}/cases");
        Assert.Equal(new[] { ids[1], ids[0] }, cases["items"]!.AsArray().Select(c => c!.Str("id")));

        // Refusals name their field; an agent cannot share with the team, a lead can.
        (await server.Api.PostJsonAsync("/api/views", new { name = "", sort = "sideways" })).AssertProblemNames(400, "name");
        (await server.Api.PostJsonAsync("/api/views", new { name = "x", sort = "sideways" })).AssertProblemNames(400, "sort");
        using var agent = await Browserless.SignInAsync(server, $"agent.view.{suffix}@guichet.test", "Agathe Vue");
        using var lead = await Browserless.SignInAsync(server, $"lead.view.{suffix}@guichet.test", "Léon Vue", role: Core.Agents.AgentRole.Lead);
        var (refused, _, refusedAt) = await agent.PostFormAsync("/", "/ui/views", new() { ["name"] = "Équipe", ["share"] = "team", ["status"] = "active" });
        Assert.Equal(HttpStatusCode.Redirect, refused);
        Assert.Contains("error=", refusedAt, StringComparison.Ordinal);
        var (saved, _, at) = await lead.PostFormAsync($"/?tag=vue-{suffix}", "/ui/views", new() { ["name"] = $"Vue d'équipe {suffix}", ["share"] = "team", ["status"] = "active", ["tag"] = $"vue-{suffix}" });
        Assert.Equal(HttpStatusCode.Redirect, saved);
        Assert.StartsWith("/?view=", at, StringComparison.Ordinal);

        // The agent sees the team's view with its count, and its cases.
        var (_, inbox, _) = await agent.GetAsync(at!);
        Assert.Contains($"Vue d'équipe {suffix}", System.Net.WebUtility.HtmlDecode(inbox), StringComparison.Ordinal);
        foreach (var id in ids.Take(2))
        {
            Assert.Contains($"href=\"/cases/{id}\"", inbox, StringComparison.Ordinal);
        }
        Assert.DoesNotContain($"href=\"/cases/{ids[2]}\"", inbox, StringComparison.Ordinal);
        Assert.DoesNotContain($"Sans responsable {suffix}", System.Net.WebUtility.HtmlDecode(inbox), StringComparison.Ordinal);

        // Only its lead (or an admin) removes it.
        var viewId = at!["/?view=".Length..];
        var (denied, _, _) = await agent.PostFormAsync(at, $"/ui/views/{viewId}/delete", new());
        Assert.Equal(HttpStatusCode.Redirect, denied);
        Assert.True(await server.ReadDbAsync(db => db.Views.AnyAsync(v => v.Id == long.Parse(viewId))));
        var (removed, _, back) = await lead.PostFormAsync(at, $"/ui/views/{viewId}/delete", new());
        Assert.Equal((HttpStatusCode.Redirect, "/"), (removed, back));
        Assert.False(await server.ReadDbAsync(db => db.Views.AnyAsync(v => v.Id == long.Parse(viewId))));
    }

    [Fact]
    public async Task Me_in_a_view_is_whoever_reads_it()
    {
        server.SkipIfUnavailable();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var admin = await server.ReadDbAsync(db => db.Agents.Where(a => a.Email == Guichet.Hosting.Bootstrap.BuiltInAdminEmail).Select(a => a.Id).SingleAsync());
        var (_, c) = await server.Api.PostJsonAsync("/api/cases", Contacts.French($"moi.{suffix}@example.fr"));
        (await server.Api.PostJsonAsync($"/api/cases/{c.Str("id")}/assign", new { ownerId = admin })).Response.EnsureSuccessStatusCode();
        var (_, view) = await server.Api.PostJsonAsync("/api/views", new { name = $"Les miens {suffix}", owner = "me", share = "everyone" });
        var (_, cases) = await server.Api.GetJsonAsync($"/api/views/{view.Str("id")}/cases?pageSize=100");
        Assert.Contains(cases["items"]!.AsArray(), x => x!.Str("id") == c.Str("id"));

        using var other = await Browserless.SignInAsync(server, $"other.me.{suffix}@guichet.test", "Otto Moi");
        var response = await other.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/views/{view.Str("id")}/cases"));
        var theirs = await ApiJson.ReadAsync(response);
        Assert.DoesNotContain(theirs["items"]!.AsArray(), x => x!.Str("id") == c.Str("id"));
    }
}

public sealed class ViewsOnSqlite(SqliteServer server) : ViewTests(server), IClassFixture<SqliteServer>;
public sealed class ViewsOnPostgres(PostgresServer server) : ViewTests(server), IClassFixture<PostgresServer>;
