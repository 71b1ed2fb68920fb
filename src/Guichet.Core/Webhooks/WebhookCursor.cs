namespace Guichet.Core.Webhooks;

/// <summary>How far a pass has read a source table (the webhooks' "messages", "events"; the rules' "rules.messages", "rules.events"); the rows themselves are the outbox.</summary>
public sealed class WebhookCursor
{
    public required string Source { get; init; }
    public long LastId { get; set; }
    /// <summary>
    /// Ids passed over because they were missing when the cursor moved ("id:unix seconds;…"): on
    /// PostgreSQL a row may commit after a later one. Read again until found or too old (the rules' cursors).
    /// </summary>
    public string? Pending { get; set; }
}
