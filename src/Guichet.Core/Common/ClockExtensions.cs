using NodaTime;

namespace Guichet.Core;

public static class ClockExtensions
{
    /// <summary>
    /// Now, to the millisecond: both databases keep microseconds at best, so a time read back
    /// equals the time written, and JSON stays short.
    /// </summary>
    public static DateTimeOffset Now(this TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    public static Instant ToInstant(this DateTimeOffset value) => Instant.FromDateTimeOffset(value);

    public static DateTimeOffset ToUtc(this Instant value) => value.ToDateTimeOffset();
}
