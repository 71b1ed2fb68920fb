using System.Globalization;
using System.Threading.RateLimiting;
using Guichet.Hosting.Web;
using Microsoft.AspNetCore.RateLimiting;

namespace Guichet.Hosting.Web;

/// <summary>
/// ASP.NET Core's rate limiter on the doors anyone can knock at (issue 10). Each limit is per
/// client address (the proxy's X-Forwarded-For when behind one on loopback), or per signed-in
/// caller for the email intake. The limits are far above what a person or a real mail flow
/// needs; they stop scripts guessing passwords, flooding the portal or looping a webhook.
/// A refused request gets 429 with Retry-After; nothing it carried was stored.
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string Portal = "portal";
    public const string Chat = "chat";
    public const string Webhooks = "webhooks";
    public const string InboundEmail = "inbound-email";

    public static IServiceCollection AddGuichetRateLimits(this IServiceCollection services) => services.AddRateLimiter(o =>
    {
        o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        o.OnRejected = RejectAsync;
        o.AddPolicy(SignIn, http => PerAddress(http, 20, TimeSpan.FromMinutes(1)));
        o.AddPolicy(Portal, http => PerAddress(http, 60, TimeSpan.FromMinutes(1)));
        o.AddPolicy(Chat, http => PerAddress(http, 120, TimeSpan.FromMinutes(1)));
        o.AddPolicy(Webhooks, http => PerAddress(http, 1200, TimeSpan.FromMinutes(1)));
        // A mail relay posts thousands a second (docs/benchmarks.md); this only stops a loop.
        o.AddPolicy(InboundEmail, http => RateLimitPartition.GetTokenBucketLimiter(
            http.User.Identity?.Name ?? Address(http),
            _ => new TokenBucketRateLimiterOptions { TokenLimit = 20_000, TokensPerPeriod = 10_000, ReplenishmentPeriod = TimeSpan.FromSeconds(1), QueueLimit = 0 }));
    });

    private static RateLimitPartition<string> PerAddress(HttpContext http, int permits, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(Address(http), _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 });

    private static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            await Problems.Field(StatusCodes.Status429TooManyRequests, "Too many requests", "rate",
                $"Too many requests from this address; try again in {http.Response.Headers.RetryAfter} seconds.").ExecuteAsync(http);
            return;
        }
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync($"Trop de demandes : réessayez dans {http.Response.Headers.RetryAfter} secondes. / Too many requests: try again in {http.Response.Headers.RetryAfter} seconds.", ct);
    }
}
