namespace Guichet.Core.Metrics;

/// <summary>
/// Which cases a figure covers: those customers opened in [From, To), optionally of one team
/// (its slug) and first channel. Outreach and test-journey cases are never covered (M5).
/// </summary>
public sealed record MetricFilter(DateTimeOffset From, DateTimeOffset To, string? Team = null, Channel? Channel = null)
{
    public const int DefaultDays = 30;

    /// <summary>The last <see cref="DefaultDays"/> days up to now.</summary>
    public static MetricFilter LastDays(DateTimeOffset now, int days = DefaultDays) => new(now.AddDays(-days), now);
}

/// <summary>How a table of figures is cut.</summary>
public enum MetricGrouping
{
    All,
    Team,
    Agent,
    Channel,
    Day,
    Week,
    Month,
}
