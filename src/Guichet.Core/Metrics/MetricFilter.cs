namespace Guichet.Core.Metrics;

/// <summary>
/// Which cases a figure covers: those customers opened in [From, To), optionally of one team
/// (its slug) and first channel. Outreach and test-journey cases are never covered (M5).
/// </summary>
public sealed record MetricFilter(DateTimeOffset From, DateTimeOffset To, string? Team = null, Channel? Channel = null)
{
    public const int DefaultDays = 30;

    /// <summary>The <see cref="DefaultDays"/> days up to the end of today (UTC): the dashboard's, the API's and the gauges' default.</summary>
    public static MetricFilter LastDays(DateTimeOffset now, int days = DefaultDays)
    {
        var end = EndOfDay(now);
        return new(end.AddDays(-days), end);
    }

    public static DateTimeOffset EndOfDay(DateTimeOffset at) => new DateTimeOffset(at.UtcDateTime.Date, TimeSpan.Zero).AddDays(1);
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
