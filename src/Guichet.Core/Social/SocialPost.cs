namespace Guichet.Core.Social;

public enum SocialKind
{
    /// <summary>A public comment under a post: everyone reads it and the answer.</summary>
    Comment,
    /// <summary>A private message to the company's account.</summary>
    Message,
}

/// <summary>
/// One event from a social platform, stored once per (platform, event id) whatever became of it:
/// its class and the rule that gave it, whether the moderation charter hid it and why, and the
/// case and message it became when it was a complaint, a question or a private message.
/// </summary>
public sealed class SocialPost
{
    public long Id { get; private set; }
    public required string Platform { get; init; }
    public required string EventId { get; init; }
    public SocialKind Kind { get; init; }
    public string? PostId { get; init; }
    public required string AuthorHandle { get; init; }
    public string? AuthorName { get; init; }
    public required string Text { get; init; }
    public string? Url { get; init; }
    public DateTimeOffset PostedAt { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    public SocialClass Class { get; init; }
    public required string Rule { get; init; }
    public string? HiddenBecause { get; init; }
    public long? CaseId { get; set; }
    public long? MessageId { get; set; }
}
