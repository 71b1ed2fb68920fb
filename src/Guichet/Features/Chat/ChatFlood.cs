using System.Threading.RateLimiting;
using Microsoft.AspNetCore.SignalR;

namespace Guichet.Features.Chat;

/// <summary>
/// The HTTP rate limit counts connections, not what travels over an open WebSocket: this filter
/// limits messages per widget connection. A person typing never meets it (a burst of
/// <see cref="Burst"/>, then one every two seconds); a script pouring messages into a case is
/// refused with a message the widget shows, and nothing refused is stored.
/// </summary>
public sealed class ChatFlood : IHubFilter
{
    public const int Burst = 10;
    private static readonly object Key = new();

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (invocationContext.HubMethodName != nameof(ChatHub.Send))
        {
            return await next(invocationContext);
        }
        // One invocation at a time per connection (SignalR's default), so the bucket needs no lock.
        var items = invocationContext.Context.Items;
        if (!items.TryGetValue(Key, out var held) || held is not TokenBucketRateLimiter bucket)
        {
            bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = Burst,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromSeconds(2),
                QueueLimit = 0,
            });
            items[Key] = bucket;
        }
        using var lease = bucket.AttemptAcquire();
        if (!lease.IsAcquired)
        {
            throw new HubException("Trop de messages d'un coup : attendez quelques secondes. / Too many messages at once: wait a few seconds.");
        }
        return await next(invocationContext);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        if (context.Context.Items.TryGetValue(Key, out var held) && held is TokenBucketRateLimiter bucket)
        {
            await bucket.DisposeAsync();
        }
        await next(context, exception);
    }
}
