using System.Net;
using Guichet.Testing;
using Microsoft.EntityFrameworkCore;

namespace Guichet.IntegrationTests.Cases;

/// <summary>
/// Issue 25 (W6): one action on many cases through the same rules as on one; each case done or
/// refused with its reason; cases the actor may not see are never touched.
/// </summary>
public abstract class BulkTests(GuichetServer server)
{
    private async Task<List<long>> OpenAsync(int n, string suffix, string? team = null)
    {
        var ids = new List<long>();
        for (var i = 0; i < n; i++)
        {
            var (response, c) = await server.Api.PostJsonAsync("/api/cases", new
            {
                customer = new { name = $"Client {i}", email = $"bulk{i}.{suffix}@example.fr", language = "fr" },
                channel = "email", subject = $"Lot {suffix}", body = "Bonjour, une question.", team,
            });
            response.EnsureSuccessStatusCode();
            ids.Add(long.Parse(c.Str("id"), System.Globalization.CultureInfo.InvariantCulture));
        }
        return ids;
    }

    [Fact]
    public async Task Tagging_prioritising_and_resolving_many_cases_gives_a_result_per_case()
    {
        server.SkipIfUnavailable();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var ids = await OpenAsync(4, suffix);

        var (tagged, result) = await server.Api.PostJsonAsync("/api/cases/bulk", new { cases = ids, action = "tag", tags = new[] { $"lot-{suffix}" } });
        Assert.Equal(HttpStatusCode.OK, tagged.StatusCode);
        Assert.Equal(("4", "0"), (result.Str("done"), result.Str("refused")));
        Assert.Equal(4, await server.ReadDbAsync(db => db.CaseTags.CountAsync(t => t.Name == $"lot-{suffix}")));

        var (_, urgent) = await server.Api.PostJsonAsync("/api/cases/bulk", new { cases = ids.Take(2), action = "priority", priority = "urgent", reason = "Grève" });
        Assert.Equal("2", urgent.Str("done"));

        // Resolve: each case still has its first-response promise open, so each is refused with why.
        var (_, resolved) = await server.Api.PostJsonAsync("/api/cases/bulk", new { cases = ids, action = "status", status = "resolve" });
        Assert.Equal(("0", "4"), (resolved.Str("done"), resolved.Str("refused")));
        Assert.All(resolved["cases"]!.AsArray(), c => Assert.Contains("open promises", c!.Str("refused"), StringComparison.Ordinal));
        var (_, waited) = await server.Api.PostJsonAsync("/api/cases/bulk", new { cases = ids, action = "status", status = "wait" });
        Assert.Equal("4", waited.Str("done"));

        (await server.Api.PostJsonAsync("/api/cases/bulk", new { cases = ids, action = "explode" })).AssertProblemNames(400, "action");
        (await server.Api.PostJsonAsync("/api/cases/bulk", new { cases = Array.Empty<long>(), action = "tag", tags = new[] { "x" } })).AssertProblemNames(400, "cases");
    }

    [Fact]
    public async Task A_case_the_actor_does_not_see_is_refused_and_left_alone()
    {
        server.SkipIfUnavailable();
        await server.ReadDbAsync(async db =>
        {
            if (!await db.Teams.AnyAsync(t => t.Slug == "bulk-other"))
            {
                db.Teams.Add(new Core.Teams.Team { Slug = "bulk-other", Name = "Autre lot", TimeZone = "Europe/Paris", Hours = "mon-fri 09:00-17:00" });
                await db.SaveChangesAsync();
            }
            return 0;
        });
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var mine = await OpenAsync(2, suffix);
        var hidden = await OpenAsync(1, suffix + "h", "bulk-other");
        using var claire = await Browserless.SignInAsync(server, $"claire.bulk.{suffix}@guichet.test", "Claire Lot");

        var fields = new Dictionary<string, string> { ["action"] = "tag", ["tags"] = $"vu-{suffix}" };
        var form = mine.Concat(hidden).Select(id => new KeyValuePair<string, string>("ids", id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var (_, page, _) = await claire.GetAsync("/");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"").Groups[1].Value;
        form.AddRange(fields);
        form.Add(new("__RequestVerificationToken", WebUtility.HtmlDecode(token)));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/ui/cases/bulk") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Referrer = new Uri(server.BaseAddress, "/");
        var response = await claire.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("bulkDone=2&bulkRefused=1", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await server.ReadDbAsync(db => db.CaseTags.CountAsync(t => t.CaseId == hidden[0])));
        Assert.Equal(2, await server.ReadDbAsync(db => db.CaseTags.CountAsync(t => t.Name == $"vu-{suffix}")));
    }
}

public sealed class BulkOnSqlite(SqliteServer server) : BulkTests(server), IClassFixture<SqliteServer>;
public sealed class BulkOnPostgres(PostgresServer server) : BulkTests(server), IClassFixture<PostgresServer>;
