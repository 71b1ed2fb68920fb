namespace Guichet.Core.Cases.Bulk;

/// <summary>
/// A bulk action too large to wait for (W6): every case of a view, or thousands named. Its cases
/// are fixed when it starts (what the view showed then); it runs in the background, chunk after
/// chunk, and says how far it got; each case's outcome is kept (<see cref="BulkJobItem"/>). A job a
/// stopped server left half-way is taken up again by the next node free, from where it stopped.
/// </summary>
public sealed class BulkJob
{
    public const int MaxCases = 100_000;

    public long Id { get; private set; }
    public long ActorId { get; init; }
    /// <summary>The action and its settings, as <see cref="BulkRequest"/> JSON without the case list.</summary>
    public required string Request { get; init; }
    /// <summary>What was chosen, for people: "vue Remboursements", "1 200 dossiers choisis".</summary>
    public required string Scope { get; init; }
    public int Total { get; init; }
    public int Processed { get; set; }
    public int Done { get; set; }
    public int Refused { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; set; }
    /// <summary>The node working on it, until when; another takes it up after.</summary>
    public string? ClaimedBy { get; set; }
    public DateTimeOffset? ClaimedUntil { get; set; }

    public bool IsFinished => FinishedAt is not null;
}

/// <summary>One case of a bulk job: waiting, done or refused with the reason.</summary>
public sealed class BulkJobItem
{
    public long JobId { get; init; }
    public long CaseId { get; init; }
    /// <summary>The order the cases were chosen in.</summary>
    public int Position { get; init; }
    public BulkItemState State { get; set; }
    public string? Refused { get; set; }
}

public enum BulkItemState
{
    Waiting,
    Done,
    Refused,
}
