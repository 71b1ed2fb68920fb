using System.Threading.RateLimiting;

namespace Guichet.Hosting.Auth;

/// <summary>
/// Wrong bearer tokens, counted per client address (issue 21): past 20 in a minute, that address's
/// bearer requests are answered 429 until the window moves on, valid tokens included, so nobody
/// can try secrets one after another. A right token never counts.
/// </summary>
public sealed class FailedTokens : IDisposable
{
    public const int PerMinute = 20;

    private readonly PartitionedRateLimiter<string> _failures = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetSlidingWindowLimiter(address, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = PerMinute,
            Window = TimeSpan.FromMinutes(1),
            SegmentsPerWindow = 6,
            QueueLimit = 0,
        }));

    /// <summary>Whether this address may still present a token.</summary>
    public bool MayTry(string address) => _failures.GetStatistics(address) is not { CurrentAvailablePermits: <= 0 };

    public void Failed(string address)
    {
        using var _ = _failures.AttemptAcquire(address);
    }

    public void Dispose() => _failures.Dispose();
}
