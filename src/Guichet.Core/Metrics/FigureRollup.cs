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
/// A mark on a day whose rollup may be out of date, written by database triggers (so every path of
/// writing is seen) whenever a case opened that day changes, or its contacts (messages in), its
/// promises and their renegotiations, its surveys or its redirect events. A day is out of date
/// while a mark has <see cref="Version"/> above <see cref="RolledVersion"/>.
/// <list type="bullet">
/// <item>SQLite: one row a day (unique); each change moves its version up, never down; the pass
/// records the version it read as rolled.</item>
/// <item>PostgreSQL: one row per writing statement and day (version 1, rolled 0), so that writers
/// never wait on one another; the pass deletes the marks it takes.</item>
/// </list>
/// </summary>
public sealed class FigureDirtyDay
{
    public long Id { get; private set; }
    public DateTimeOffset Day { get; init; }
    public long Version { get; init; }
    public long RolledVersion { get; init; }
}
