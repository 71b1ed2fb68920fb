namespace Guichet.Core.Social;

/// <summary>
/// The documented webhook body (README, "Social media"): a public comment or a private message.
/// </summary>
public sealed record SocialEvent(string? EventId, string? Kind, string? PostId, SocialAuthor? Author, string? Text, string? Url, DateTimeOffset? Time);

public sealed record SocialAuthor(string? Handle, string? Name);
