namespace Guichet.Core.Email;

/// <summary>CONTRACT: what became of one inbound raw message.</summary>
public enum InboundOutcome
{
    Created,
    Appended,
    Duplicate,
    /// <summary>Auto-reply, bounce, mailing list: kept, never acknowledged.</summary>
    Ignored,
    /// <summary>Quotes a case it may not belong to: an agent decides (a stranger quoting someone's reference).</summary>
    Held,
    /// <summary>Could not be parsed or processed: raw bytes and error kept for re-processing.</summary>
    Quarantined,
}

/// <summary>
/// Every raw message Guichet received, kept byte for byte whatever became of it, so nothing is
/// ever dropped and a quarantined message can be processed again after a fix. Unique on the
/// SHA-256 of its bytes and on its <see cref="DedupKey"/>: the same message delivered twice is
/// stored once, and a different message that reuses a Message-ID is stored too (decision 0030).
/// </summary>
public sealed class InboundEmail
{
    public long Id { get; private set; }
    public DateTimeOffset ReceivedAt { get; init; }
    public string? MessageIdHeader { get; set; }
    public required string Sha256 { get; init; }
    /// <summary>Message-ID, sender, subject and decoded text hashed (<see cref="Duplicates"/>); null when it has no Message-ID or could not be read.</summary>
    public string? DedupKey { get; set; }
    public required byte[] Raw { get; init; }
    public string? From { get; set; }
    public string? Subject { get; set; }
    public InboundOutcome Outcome { get; set; }
    public long? CaseId { get; set; }
    public long? MessageId { get; set; }
    /// <summary>Why it was quarantined, held or ignored, in a sentence an admin can act on.</summary>
    public string? Reason { get; set; }
}
