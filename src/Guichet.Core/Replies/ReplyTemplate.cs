namespace Guichet.Core.Replies;

/// <summary>
/// A team's own version of a shipped template, or a macro the team added (decision 0015): Liquid
/// text keyed by team, key and language. Without a row, the shipped text applies.
/// </summary>
public sealed class ReplyTemplate
{
    public const int MaxBodyLength = 20_000;

    public long Id { get; private set; }
    public long TeamId { get; init; }
    public required string Key { get; init; }
    public required string Language { get; init; }
    public required string Name { get; set; }
    public required string Body { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}
