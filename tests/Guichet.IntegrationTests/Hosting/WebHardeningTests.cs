using System.Net;
using Guichet.Testing;

namespace Guichet.IntegrationTests.Hosting;

/// <summary>Issue 10's web hardening: security headers, rate limits on the open doors, size limits, no open redirect.</summary>
public sealed class WebHardeningTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task Every_answer_forbids_inline_script_framing_and_sniffing()
    {
        using var visitor = Browserless.Anonymous(server);
        foreach (var url in new[] { "/login", "/contact", "/api/cases", "/nowhere" })
        {
            using var response = await visitor.SendAsync(new HttpRequestMessage(HttpMethod.Get, url));
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
            Assert.Contains("style-src 'self';", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        }
    }

    [Fact]
    public async Task Sign_in_refuses_open_redirects_and_oversized_forms()
    {
        using var browser = await Browserless.SignInAsync(server, "hardening@guichet.test", "Hardening");
        using var visitor = Browserless.Anonymous(server);
        var (_, _, location) = await visitor.PostFormAsync("/login", "/login", new() { ["email"] = "hardening@guichet.test", ["password"] = Browserless.Password, ["returnUrl"] = "//evil.example/steal" });
        Assert.Equal("/", location);

        // Under the sign-in form's 64 KB: read (and refused as a wrong login). Over it: never read.
        var (status, _, _) = await visitor.PostFormAsync("/login", "/login", new() { ["email"] = new string('a', 30_000), ["password"] = "x" });
        Assert.Equal(HttpStatusCode.Redirect, status);
        (status, _, _) = await visitor.PostFormAsync("/login", "/login", new() { ["email"] = new string('a', 200_000), ["password"] = "x" });
        // The antiforgery check reads the form first and reports the cut body as a bad request.
        Assert.True(status is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.BadRequest, $"got {status}");
    }
}

/// <summary>On a server of its own: it uses up this address's sign-in allowance for a minute.</summary>
public sealed class SignInRateLimitTests(SqliteServerWithRealClock server) : IClassFixture<SqliteServerWithRealClock>
{
    [Fact]
    public async Task Twenty_sign_ins_a_minute_from_one_address_then_429_with_retry_after()
    {
        using var visitor = Browserless.Anonymous(server);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 22; i++)
        {
            using var attempt = new HttpRequestMessage(HttpMethod.Post, "/login") { Content = new FormUrlEncodedContent([new("email", $"nobody{i}@guichet.test"), new("password", "guess")]) };
            using var response = await visitor.SendAsync(attempt);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) is > 0 and <= 60);
            }
        }
        Assert.Equal(20, statuses.Count(s => s != HttpStatusCode.TooManyRequests));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }
}
