using System.Net;
using System.Net.Http.Headers;
using Guichet.Hosting.Auth;
using Guichet.Testing;

namespace Guichet.IntegrationTests.Permissions;

/// <summary>
/// Issue 21, finding 9: guessing bearer tokens is throttled per client address, and a forged
/// X-Forwarded-For does not make a new address. A server of its own: the address it blocks would
/// block every other test of a shared one.
/// </summary>
public abstract class TokenThrottleTests(GuichetServer server)
{
    [Fact]
    public async Task Guessed_tokens_are_throttled_and_forwarded_addresses_are_not_believed()
    {
        server.SkipIfUnavailable();
        using var guesser = new HttpClient { BaseAddress = server.BaseAddress };
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/cases");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "gch_" + Guid.NewGuid().ToString("N"));
            // A forged address per request must not give a fresh count.
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", $"203.0.113.{i}");
            using var response = await guesser.SendAsync(request, TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
        }
        Assert.Equal(FailedTokens.PerMinute, statuses.Count(s => s == HttpStatusCode.Unauthorized));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

}

public sealed class TokenThrottleOnSqlite(SqliteServer server) : TokenThrottleTests(server), IClassFixture<SqliteServer>;

public sealed class TokenThrottleOnPostgres(PostgresServer server) : TokenThrottleTests(server), IClassFixture<PostgresServer>;
