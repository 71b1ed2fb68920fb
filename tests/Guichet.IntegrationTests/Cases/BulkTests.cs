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

    [Fact]
    public async Task Every_case_of_a_filter_is_acted_on_in_the_background_with_progress_and_a_result_per_case()
    {
        server.SkipIfUnavailable();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var ids = await OpenAsync(12, suffix);
        var (tagged, _) = await server.Api.PostJsonAsync("/api/cases/bulk", new { cases = ids, action = "tag", tags = new[] { $"vague-{suffix}" } });
        tagged.EnsureSuccessStatusCode();

        // The whole filter, not ids: a job, answered at once and followed at its address.
        var (started, job) = await server.Api.PostJsonAsync("/api/cases/bulk", new { filter = $"tag=vague-{suffix}&status=all", action = "tag", tags = new[] { $"suivi-{suffix}" } });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal($"/api/bulk-jobs/{job.Str("id")}", started.Headers.Location!.OriginalString);
        Assert.Equal(("12", "tag"), (job.Str("total"), job.Str("action")));
        var finished = await FinishedAsync(job.Str("id"));
        Assert.Equal(("12", "12", "0"), (finished.Str("processed"), finished.Str("done"), finished.Str("refused")));
        Assert.Equal(12, await server.ReadDbAsync(db => db.CaseTags.CountAsync(t => t.Name == $"suivi-{suffix}")));
        Assert.Equal(12, await server.ReadDbAsync(db => db.CaseEvents.CountAsync(e => ids.Contains(e.CaseId) && e.Kind == Core.Cases.CaseEventKind.Tagged && e.To == $"suivi-{suffix}")));

        // Resolving them all: each still has an open promise, so each is refused with why, listed in the chosen order.
        var (_, resolving) = await server.Api.PostJsonAsync("/api/cases/bulk", new { filter = $"tag=suivi-{suffix}&sort=newest", action = "status", status = "resolve" });
        var resolved = await FinishedAsync(resolving.Str("id"));
        Assert.Equal(("0", "12"), (resolved.Str("done"), resolved.Str("refused")));
        var (_, refused) = await server.Api.GetJsonAsync($"/api/bulk-jobs/{resolving.Str("id")}/cases?state=refused&pageSize=5");
        Assert.Equal(((IEnumerable<long>)ids).Reverse().Take(5).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), refused["items"]!.AsArray().Select(i => i!.Str("caseId")));
        Assert.All(refused["items"]!.AsArray(), i => Assert.Contains("open promises", i!.Str("refused"), StringComparison.Ordinal));
        Assert.StartsWith("G-", refused["items"]![0]!.Str("reference"), StringComparison.Ordinal);
        Assert.NotNull(refused["next"]);

        // The same tags again change nothing: no second event.
        var (_, again) = await server.Api.PostJsonAsync("/api/cases/bulk", new { filter = $"tag=vague-{suffix}", action = "tag", tags = new[] { $"suivi-{suffix}" } });
        Assert.Equal("12", (await FinishedAsync(again.Str("id"))).Str("done"));
        Assert.Equal(12, await server.ReadDbAsync(db => db.CaseEvents.CountAsync(e => ids.Contains(e.CaseId) && e.Kind == Core.Cases.CaseEventKind.Tagged && e.To == $"suivi-{suffix}")));

        // A saved view works the same; what is refused is named, and nobody else follows your job.
        var (_, view) = await server.Api.PostJsonAsync("/api/views", new { name = $"Vague {suffix}", tag = $"vague-{suffix}", status = "all" });
        var (_, byView) = await server.Api.PostJsonAsync("/api/cases/bulk", new { view = long.Parse(view.Str("id"), System.Globalization.CultureInfo.InvariantCulture), action = "untag", tags = new[] { $"suivi-{suffix}" } });
        Assert.Equal("12", (await FinishedAsync(byView.Str("id"))).Str("done"));
        Assert.Equal(0, await server.ReadDbAsync(db => db.CaseTags.CountAsync(t => t.Name == $"suivi-{suffix}")));
        (await server.Api.PostJsonAsync("/api/cases/bulk", new { view = 999_999, action = "tag", tags = new[] { "x" } })).AssertProblemNames(400, "view");
        (await server.Api.PostJsonAsync("/api/cases/bulk", new { view = 1, cases = ids, action = "tag", tags = new[] { "x" } })).AssertProblemNames(400, "cases");
        (await server.Api.PostJsonAsync("/api/cases/bulk", new { filter = "status=sideways", action = "tag", tags = new[] { "x" } })).AssertProblemNames(400, "filter");
        (await server.Api.PostJsonAsync("/api/cases/bulk", new { filter = $"tag=personne-{suffix}", action = "tag", tags = new[] { "x" } })).AssertProblemNames(400, "cases");
        (await server.Api.PostJsonAsync("/api/cases/bulk", new { filter = $"tag=vague-{suffix}", action = "explode" })).AssertProblemNames(400, "action");
        using var other = await Browserless.SignInAsync(server, $"autre.{suffix}@test.guichet", "Autre", team: "service-client");
        using var asked = await other.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/bulk-jobs/{job.Str("id")}"));
        Assert.Equal(HttpStatusCode.NotFound, asked.StatusCode);
    }

    [Fact]
    public async Task A_job_a_stopped_node_left_half_way_is_taken_up_from_where_it_stopped_once_its_claim_lapses()
    {
        server.SkipIfUnavailable();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var ids = await OpenAsync(3, suffix);
        var now = server.Clock.GetUtcNow();
        // Claimed by a node that then stopped after the first case: its claim runs two more minutes.
        var jobId = await server.ReadDbAsync(async db =>
        {
            var admin = await db.Agents.Where(a => a.Role == Core.Agents.AgentRole.Admin).OrderBy(a => a.Id).FirstAsync();
            var job = new Core.Cases.Bulk.BulkJob
            {
                ActorId = admin.Id, Scope = "3 cases chosen", Total = 3, Processed = 1, Done = 1, CreatedAt = now, ClaimedBy = "a-node-gone", ClaimedUntil = now.AddMinutes(2),
                Request = System.Text.Json.JsonSerializer.Serialize(new Core.Cases.Bulk.BulkRequest(null, "tag", Tags: [$"repris-{suffix}"])),
            };
            db.BulkJobs.Add(job);
            await db.SaveChangesAsync();
            db.BulkJobItems.AddRange(ids.Select((id, i) => new Core.Cases.Bulk.BulkJobItem
            {
                JobId = job.Id, CaseId = id, Position = i, State = i == 0 ? Core.Cases.Bulk.BulkItemState.Done : Core.Cases.Bulk.BulkItemState.Waiting,
            }));
            await db.SaveChangesAsync();
            return job.Id;
        });
        var (_, running) = await server.Api.GetJsonAsync($"/api/bulk-jobs/{jobId}");
        Assert.Equal(("running", "1"), (running.Str("state"), running.Str("processed")));

        await server.AdvanceAsync(TimeSpan.FromMinutes(3));
        var finished = await FinishedAsync(jobId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(("3", "3"), (finished.Str("processed"), finished.Str("done")));
        // The first case was done before the stop and is not done again; the other two are.
        var tagged = await server.ReadDbAsync(db => db.CaseTags.Where(t => t.Name == $"repris-{suffix}").Select(t => t.CaseId).ToListAsync());
        Assert.Equal(ids.Skip(1).Order(), tagged.Order());
    }

    /// <summary>The job as it stands once the background runner is through (it works on its own; this only looks).</summary>
    private async Task<System.Text.Json.Nodes.JsonNode> FinishedAsync(string id)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var (response, job) = await server.Api.GetJsonAsync($"/api/bulk-jobs/{id}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            if (job.Str("state") == "finished")
            {
                return job;
            }
            Assert.True(DateTime.UtcNow < until, $"Bulk job {id} did not finish: {job.ToJsonString()}");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

}

public sealed class BulkOnSqlite(SqliteServer server) : BulkTests(server), IClassFixture<SqliteServer>;
public sealed class BulkOnPostgres(PostgresServer server) : BulkTests(server), IClassFixture<PostgresServer>;
