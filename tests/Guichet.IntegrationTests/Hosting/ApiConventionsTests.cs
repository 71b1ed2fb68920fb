using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Guichet.Testing;

namespace Guichet.IntegrationTests.Hosting;

/// <summary>
/// Issue 25: what integrators expect of an API. Lists continue after a cursor, stable while rows
/// are added and in the same order as page numbers give; a POST sent twice with one
/// Idempotency-Key is done once; the incremental export gives what changed since a cursor.
/// </summary>
public abstract class ApiConventionsTests(GuichetServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Following_the_next_cursor_reads_every_case_once_in_the_order_page_numbers_give_even_while_cases_arrive()
    {
        server.SkipIfUnavailable();
        var tag = "curseur-" + Guid.NewGuid().ToString("N")[..6];
        var ids = new List<string>();
        for (var i = 0; i < 9; i++)
        {
            var (_, c) = await server.Api.PostJsonAsync("/api/cases", Contacts.French($"curseur{i}.{tag}@example.fr"));
            ids.Add(c.Str("id"));
            (await server.Api.PostJsonAsync($"/api/cases/{c.Str("id")}/tags", new { add = new[] { tag } })).Response.EnsureSuccessStatusCode();
        }
        // Every group of the inbox's order: priorities, a case with nothing due and nobody waiting (resolved), ties on the due time.
        (await server.Api.PostJsonAsync($"/api/cases/{ids[2]}/priority", new { priority = "urgent", reason = "test" })).Response.EnsureSuccessStatusCode();
        (await server.Api.PostJsonAsync($"/api/cases/{ids[5]}/priority", new { priority = "low", reason = "test" })).Response.EnsureSuccessStatusCode();
        (await server.Api.PostJsonAsync($"/api/cases/{ids[7]}/resolve", new { })).Response.EnsureSuccessStatusCode();

        foreach (var sort in new[] { "due", "newest", "updated", "changed", "priority" })
        {
            var (_, whole) = await server.Api.GetJsonAsync($"/api/cases?status=all&tag={tag}&sort={sort}&pageSize=100");
            var expected = whole["items"]!.AsArray().Select(c => c!.Str("id")).ToList();
            Assert.Equal(ids.Order(), expected.Order());
            Assert.Null(whole["next"]);
            var followed = await FollowAsync($"/api/cases?status=all&tag={tag}&sort={sort}&pageSize=2");
            Assert.Equal(expected, followed);
        }

        // Newest first, a page read, then a case arrives: the next page neither repeats nor skips.
        var (_, first) = await server.Api.GetJsonAsync($"/api/cases?tag={tag}&status=all&sort=newest&pageSize=4");
        Assert.Equal(((IEnumerable<string>)ids).Reverse().Take(4), first["items"]!.AsArray().Select(c => c!.Str("id")));
        var (_, arrived) = await server.Api.PostJsonAsync("/api/cases", Contacts.French($"tard.{tag}@example.fr"));
        (await server.Api.PostJsonAsync($"/api/cases/{arrived.Str("id")}/tags", new { add = new[] { tag } })).Response.EnsureSuccessStatusCode();
        var (_, second) = await server.Api.GetJsonAsync($"/api/cases?tag={tag}&status=all&sort=newest&pageSize=4&after={first.Str("next")}");
        Assert.Equal(((IEnumerable<string>)ids).Reverse().Skip(4).Take(4), second["items"]!.AsArray().Select(c => c!.Str("id")));
    }

    [Fact]
    public async Task Promises_notifications_and_the_audit_trail_follow_their_cursor_too_and_a_bad_cursor_is_refused_by_name()
    {
        server.SkipIfUnavailable();
        for (var i = 0; i < 3; i++)
        {
            await server.Api.PostJsonAsync("/api/cases", Contacts.French($"promesses{i}.{Guid.NewGuid():N}@example.fr"));
        }
        foreach (var list in new[] { "/api/promises?state=open", "/api/audit?action=viewed", "/api/notifications" })
        {
            var (_, whole) = await server.Api.GetJsonAsync($"{list}{(list.Contains('?') ? '&' : '?')}pageSize=100");
            var expected = whole["items"]!.AsArray().Select(c => c!.Str("id")).ToList();
            Assert.Equal(expected, await FollowAsync($"{list}{(list.Contains('?') ? '&' : '?')}pageSize=2"));
        }

        (await server.Api.GetJsonAsync("/api/cases?after=not-a-cursor")).AssertProblemNames(400, "after");
        var (_, newest) = await server.Api.GetJsonAsync("/api/cases?status=all&sort=newest&pageSize=1");
        (await server.Api.GetJsonAsync($"/api/cases?status=all&sort=due&after={newest.Str("next")}")).AssertProblemNames(400, "after");
        (await server.Api.GetJsonAsync($"/api/promises?after={newest.Str("next")}")).AssertProblemNames(400, "after");
        (await server.Api.GetJsonAsync($"/api/cases?status=all&sort=newest&page=2&after={newest.Str("next")}")).AssertProblemNames(400, "after");
        (await server.Api.GetJsonAsync("/api/cases?sort=sideways")).AssertProblemNames(400, "sort");
    }

    [Fact]
    public async Task A_post_sent_twice_with_one_idempotency_key_opens_one_case_and_answers_the_same()
    {
        server.SkipIfUnavailable();
        var email = $"idem.{Guid.NewGuid():N}@example.fr";
        var key = Guid.NewGuid().ToString();
        var (first, firstBody) = await PostWithKeyAsync(server.Api, "/api/cases", Contacts.French(email), key);
        var (again, againBody) = await PostWithKeyAsync(server.Api, "/api/cases", Contacts.French(email), key);
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, again.StatusCode));
        Assert.Equal(firstBody.Str("id"), againBody.Str("id"));
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.True(again.Headers.TryGetValues("Idempotent-Replayed", out var replayed) && replayed.Single() == "true");
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        var opened = await server.ReadDbAsync(db => Task.FromResult(db.Cases.Count(c => c.Customer.Identities.Any(i => i.Value == email))));
        Assert.Equal(1, opened);

        // The same key with another request, a key too long: refused by name, nothing done.
        (await PostWithKeyAsync(server.Api, "/api/cases", Contacts.French("autre." + email), key)).AssertProblemNames(422, "Idempotency-Key");
        (await PostWithKeyAsync(server.Api, "/api/cases", Contacts.French("long." + email), new string('k', 256))).AssertProblemNames(400, "Idempotency-Key");

        // A refusal is remembered as it was: the key names that request, and a fixed retry needs a new key.
        var badKey = Guid.NewGuid().ToString();
        var (refused, _) = await PostWithKeyAsync(server.Api, $"/api/cases/{firstBody.Str("id")}/notes", new { text = "" }, badKey);
        var (refusedAgain, _) = await PostWithKeyAsync(server.Api, $"/api/cases/{firstBody.Str("id")}/notes", new { text = "" }, badKey);
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (refused.StatusCode, refusedAgain.StatusCode));

        // Keys are the caller's own: another person's same key is another request.
        using var agent = await Browserless.SignInAsync(server, $"idem.{Guid.NewGuid():N}@test.guichet", "Idem", team: "service-client");
        using var made = new HttpRequestMessage(HttpMethod.Post, "/api/tokens") { Content = new StringContent("{\"name\":\"script\",\"scope\":\"full\"}", Encoding.UTF8, "application/json") };
        using var issued = await agent.SendAsync(made);
        using var theirs = new HttpClient { BaseAddress = server.BaseAddress };
        theirs.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await ApiJson.ReadAsync(issued)).Str("token"));
        var (other, otherBody) = await PostWithKeyAsync(theirs, "/api/cases", Contacts.French("leur." + email), key);
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        Assert.NotEqual(firstBody.Str("id"), otherBody.Str("id"));

        // A day later the key is forgotten.
        await server.AdvanceAsync(TimeSpan.FromHours(25));
        var (later, laterBody) = await PostWithKeyAsync(server.Api, "/api/cases", Contacts.French("plus.tard." + email), key);
        Assert.Equal(HttpStatusCode.Created, later.StatusCode);
        Assert.NotEqual(firstBody.Str("id"), laterBody.Str("id"));
    }

    [Fact]
    public async Task The_incremental_export_gives_what_changed_since_the_last_cursor_and_nothing_else()
    {
        server.SkipIfUnavailable();
        await server.AdvanceAsync(TimeSpan.FromMinutes(1));
        var since = server.Clock.GetUtcNow();
        var email = $"export.{Guid.NewGuid():N}@example.fr";
        var (_, one) = await server.Api.PostJsonAsync("/api/cases", Contacts.French(email));
        var (_, two) = await server.Api.PostJsonAsync("/api/cases", Contacts.French("deux." + email));

        // Changes younger than a few seconds wait for the next call (a slow commit cannot land behind the cursor).
        var (_, fresh) = await server.Api.GetJsonAsync($"/api/export/cases?since={Uri.EscapeDataString(since.ToString("O"))}");
        Assert.Empty(fresh["items"]!.AsArray());
        Assert.True(fresh["endOfStream"]!.GetValue<bool>());

        await server.AdvanceAsync(TimeSpan.FromSeconds(10));
        var (_, first) = await server.Api.GetJsonAsync($"/api/export/cases?since={Uri.EscapeDataString(since.ToString("O"))}&limit=1");
        Assert.Equal(one.Str("id"), first["items"]!.AsArray().Single()!.Str("id"));
        Assert.False(first["endOfStream"]!.GetValue<bool>());
        var (_, rest) = await server.Api.GetJsonAsync($"/api/export/cases?after={first.Str("next")}");
        Assert.Equal(two.Str("id"), rest["items"]!.AsArray().Single()!.Str("id"));
        Assert.True(rest["endOfStream"]!.GetValue<bool>());

        // Nothing changed: nothing comes, and the cursor stays. Then a tag on the first case: only it comes.
        var (_, quiet) = await server.Api.GetJsonAsync($"/api/export/cases?after={rest.Str("next")}");
        Assert.Empty(quiet["items"]!.AsArray());
        Assert.Equal(rest.Str("next"), quiet.Str("next"));
        (await server.Api.PostJsonAsync($"/api/cases/{one.Str("id")}/tags", new { add = new[] { "exporte" } })).Response.EnsureSuccessStatusCode();
        await server.AdvanceAsync(TimeSpan.FromSeconds(10));
        var (_, changed) = await server.Api.GetJsonAsync($"/api/export/cases?after={quiet.Str("next")}");
        var item = changed["items"]!.AsArray().Single()!;
        Assert.Equal((one.Str("id"), "exporte"), (item.Str("id"), item["tags"]!.AsArray().Single()!.GetValue<string>()));

        // Customers: both new ones, with their addresses; a merge changes both and both come again.
        var (_, customers) = await server.Api.GetJsonAsync($"/api/export/customers?since={Uri.EscapeDataString(since.ToString("O"))}");
        var found = customers["items"]!.AsArray().Select(c => c!["emails"]!.AsArray().Single()!.GetValue<string>()).ToList();
        Assert.Equal(new[] { email, "deux." + email }, found);
        (await server.Api.PostJsonAsync($"/api/customers/{one.Str("customer.id")}/merge", new { from = long.Parse(two.Str("customer.id"), System.Globalization.CultureInfo.InvariantCulture) })).Response.EnsureSuccessStatusCode();
        await server.AdvanceAsync(TimeSpan.FromSeconds(10));
        var (_, merged) = await server.Api.GetJsonAsync($"/api/export/customers?after={customers.Str("next")}");
        var after = merged["items"]!.AsArray();
        Assert.Contains(after, c => c!.Str("id") == one.Str("customer.id") && c!["emails"]!.AsArray().Count == 2);
        Assert.Contains(after, c => c!.Str("id") == two.Str("customer.id") && c!.Str("mergedIntoId") == one.Str("customer.id"));

        // A tag on a customer is a change too, and the export carries the customer's tags, fields and organisations.
        (await server.Api.PostJsonAsync($"/api/customers/{one.Str("customer.id")}/tags", new { add = new[] { "exporte" } })).Response.EnsureSuccessStatusCode();
        await server.AdvanceAsync(TimeSpan.FromSeconds(10));
        var (_, tagged) = await server.Api.GetJsonAsync($"/api/export/customers?after={merged.Str("next")}");
        var customer = tagged["items"]!.AsArray().Single()!;
        Assert.Equal((one.Str("customer.id"), "exporte"), (customer.Str("id"), customer["tags"]!.AsArray().Single()!.GetValue<string>()));
        Assert.NotNull(customer["customFields"]);
        Assert.Empty(customer["organisations"]!.AsArray());

        (await server.Api.GetJsonAsync("/api/export/cases?after=x&since=2026-11-01T00:00:00Z")).AssertProblemNames(400, "after");
        (await server.Api.GetJsonAsync("/api/export/cases?limit=5000")).AssertProblemNames(400, "limit");
        using var agent = await Browserless.SignInAsync(server, $"export.{Guid.NewGuid():N}@test.guichet", "Export", team: "service-client");
        using var asked = await agent.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/export/cases"));
        Assert.Equal(HttpStatusCode.Forbidden, asked.StatusCode);
    }

    private async Task<List<string>> FollowAsync(string url)
    {
        var seen = new List<string>();
        string? next = null;
        for (var guard = 0; guard < 100; guard++)
        {
            var (response, page) = await server.Api.GetJsonAsync(next is null ? url : $"{url}&after={next}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            seen.AddRange(page["items"]!.AsArray().Select(c => c!.Str("id")));
            next = page["next"]?.GetValue<string>();
            if (next is null)
            {
                return seen;
            }
        }
        throw new InvalidOperationException("The cursor never ended.");
    }

    private static async Task<(HttpResponseMessage Response, JsonNode Body)> PostWithKeyAsync(HttpClient client, string url, object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = System.Net.Http.Json.JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        var response = await client.SendAsync(request, Ct);
        return (response, await ApiJson.ReadAsync(response));
    }
}

public sealed class ApiConventionsOnSqlite(SqliteServer server) : ApiConventionsTests(server), IClassFixture<SqliteServer>;
public sealed class ApiConventionsOnPostgres(PostgresServer server) : ApiConventionsTests(server), IClassFixture<PostgresServer>;

/// <summary>The API budget: told on every answer, a 429 past it, back the next minute.</summary>
public sealed class ApiRateLimitTests(ApiRateLimitTests.LimitedServer server) : IClassFixture<ApiRateLimitTests.LimitedServer>
{
    public sealed class LimitedServer : SqliteServer
    {
        public override int ApiRequestsPerMinute => 5;
    }

    [Fact]
    public async Task Every_answer_tells_the_budget_left_and_past_it_the_caller_waits_for_the_next_minute()
    {
        var ct = TestContext.Current.CancellationToken;
        // Moved by hand: the clock's own route is an API request, and counted.
        server.Clock.Advance(TimeSpan.FromSeconds(60 - server.Clock.GetUtcNow().Second));
        for (var i = 1; i <= 5; i++)
        {
            using var ok = await server.Api.GetAsync("/api/teams", ct);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Equal("5", ok.Headers.GetValues("RateLimit-Limit").Single());
            Assert.Equal((5 - i).ToString(System.Globalization.CultureInfo.InvariantCulture), ok.Headers.GetValues("RateLimit-Remaining").Single());
            Assert.Equal("60", ok.Headers.GetValues("RateLimit-Reset").Single());
            Assert.Equal("5;w=60", ok.Headers.GetValues("RateLimit-Policy").Single());
        }
        var refused = await server.Api.GetJsonAsync("/api/teams");
        refused.AssertProblemNames(429, "rate");
        Assert.Equal("60", refused.Response.Headers.GetValues("Retry-After").Single());

        // Only the API is counted: not the health check.
        using var health = await server.Anonymous.GetAsync("/health", ct);
        Assert.False(health.Headers.Contains("RateLimit-Limit"));
        server.Clock.Advance(TimeSpan.FromSeconds(60));
        using var back = await server.Api.GetAsync("/api/teams", ct);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Equal("4", back.Headers.GetValues("RateLimit-Remaining").Single());
    }
}
