namespace Guichet.Core.Metrics;

/// <summary>Which sums a rollup row holds.</summary>
public enum FigureKind
{
    Effort,
    Promises,
    Surveys,
}

/// <summary>
/// One day's sums for one group (<see cref="FigureKey"/>): written by <see cref="FigureRollups.RefreshAsync"/>
/// from the rows, read by the dashboard instead of them (issue 29). The sums are JSON: their
/// waits and due times are lists.
/// </summary>
public sealed class FigureRollup
{
    public long Id { get; private set; }
    /// <summary>Midnight UTC of the day the cases were opened.</summary>
    public DateTimeOffset Day { get; init; }
    public FigureKind Kind { get; init; }
    public long TeamId { get; init; }
    public Channel Channel { get; init; }
    public long? OwnerId { get; init; }
    public required string Data { get; init; }
}

/// <summary>
/// A day whose rollup is out of date: written by database triggers whenever a case opened that day,
/// its promises or its surveys change (so every path of writing is seen), removed when the day is
/// rolled up again. On SQLite one row per day whose version moves at each change; on PostgreSQL one
/// row per change, so that writers never wait on one another.
/// </summary>
public sealed class FigureDirtyDay
{
    public long Id { get; private set; }
    public DateTimeOffset Day { get; init; }
    public long Version { get; init; }
}
