using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.RateLimiting;

namespace Guichet.Hosting.Web;

/// <summary>
/// A budget of API requests per caller and minute (issue 25), told on every answer as Zendesk and
/// the IETF draft do: RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset (seconds) and
/// RateLimit-Policy, so an integration slows down before it is refused. Past the budget: 429 with
/// Retry-After. The caller is the person signed in (by cookie or any of their tokens), else the address. Endpoints with a
/// limit of their own (mail intake, channel webhooks, surveys) keep theirs alone.
/// <para>Counted here rather than by ASP.NET Core's limiter, which does not say when a window
/// ends; per node, so N nodes allow N budgets (the budget protects a node, not a contract).</para>
/// </summary>
public sealed class ApiRateLimit(TimeProvider clock, int perMinute)
{
    public static readonly (string Name, string Text)[] Headers =
    [
        ("RateLimit-Limit", "Requests allowed per window to this caller."),
        ("RateLimit-Remaining", "Requests left in this window."),
        ("RateLimit-Reset", "Seconds until the window starts again."),
        ("RateLimit-Policy", "The budget: requests;w=seconds of the window."),
    ];

    private sealed class Window
    {
        public long Minute;
        public int Count;
    }

    private readonly ConcurrentDictionary<string, Window> windows = new(StringComparer.Ordinal);

    public async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        if (perMinute <= 0 || !http.Request.Path.StartsWithSegments("/api")
            || http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>() is not null)
        {
            await next(http);
            return;
        }
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var minute = now / 60;
        var window = windows.GetOrAdd(Caller(http), _ => new Window { Minute = minute });
        int count;
        lock (window)
        {
            if (window.Minute != minute)
            {
                window.Minute = minute;
                window.Count = 0;
            }
            count = ++window.Count;
        }
        var reset = (minute + 1) * 60 - now;
        var headers = http.Response.Headers;
        headers["RateLimit-Limit"] = perMinute.ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Remaining"] = Math.Max(0, perMinute - count).ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Reset"] = reset.ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Policy"] = string.Create(CultureInfo.InvariantCulture, $"{perMinute};w=60");
        if (windows.Count > 100_000)
        {
            Forget(minute);
        }
        if (count > perMinute)
        {
            headers.RetryAfter = reset.ToString(CultureInfo.InvariantCulture);
            await Problems.Field(StatusCodes.Status429TooManyRequests, "Too many requests", "rate",
                $"This caller made {perMinute} API requests this minute; try again in {reset} seconds.").ExecuteAsync(http);
            return;
        }
        await next(http);
    }

    private static string Caller(HttpContext http) =>
        http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } id
            ? "agent:" + id
            : "address:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    private void Forget(long minute)
    {
        foreach (var (key, window) in windows)
        {
            if (window.Minute < minute)
            {
                windows.TryRemove(key, out _);
            }
        }
    }
}
