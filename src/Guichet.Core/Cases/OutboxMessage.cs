namespace Guichet.Core.Cases;

public enum OutboxState
{
    Pending,
    Sent,
    Failed,
    /// <summary>Never sent, on purpose: the recipient is in the reserved .invalid domain (a test journey's synthetic customer, M5).</summary>
    Withheld,
}

/// <summary>
/// An outgoing message waiting for its channel, written in the same transaction as the case
/// change (CONVENTIONS habit 8). Delivery workers per channel arrive with the channel issues.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; private set; }
    public long MessageId { get; private set; }
    public required Message Message { get; init; }
    public Channel Channel { get; init; }
    /// <summary>Where it goes: an email address, a phone number, a handle; empty when the channel has no address yet.</summary>
    public string Recipient { get; init; } = "";
    public OutboxState State { get; set; } = OutboxState.Pending;
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>How many times the server answered about this message (accepted or refused); an unreachable server counts none.</summary>
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    /// <summary>When the sender may try (again): a short lease while sending, then backoff after a failure.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }
    /// <summary>When the server accepted it; set only after acceptance, so a crash can resend but never lose.</summary>
    public DateTimeOffset? SentAt { get; set; }
}
