namespace Guichet.Core.Incidents;

/// <summary>
/// One list of affected customers as it was sent (a CSV upload, `guichet import incident`, an API
/// batch), with its progress written as each batch commits, so the workspace and the API show
/// how far it got and which lines were refused.
/// </summary>
public sealed class IncidentList
{
    public const int RefusedKept = 100;

    public long Id { get; private set; }
    public long IncidentId { get; init; }
    /// <summary>Where it came from, for people: "upload passagers.csv", "cli passagers.csv", "api".</summary>
    public required string Source { get; init; }
    public required string SentBy { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; set; }
    /// <summary>Lines read so far, refused ones included.</summary>
    public int Lines { get; set; }
    public int Reached { get; set; }
    public int AlreadyReached { get; set; }
    public int OnExistingCases { get; set; }
    public int RefusedCount { get; set; }
    /// <summary>The first <see cref="RefusedKept"/> refused lines with why, one per line.</summary>
    public string Refused { get; set; } = "";
    /// <summary>Why the list stopped before its end (the database went away, the upload was cut).</summary>
    public string? Error { get; set; }

    public bool IsRunning => FinishedAt is null;
}
