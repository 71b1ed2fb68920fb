namespace Guichet.Core.Webhooks;

/// <summary>How far the fan-out has read a source table ("messages", "events"); the rows themselves are the outbox.</summary>
public sealed class WebhookCursor
{
    public required string Source { get; init; }
    public long LastId { get; set; }
}
