namespace Guichet.Core.Cases.Macros;

/// <summary>
/// A named set of actions on a case (SPEC W6): a note, tags on and off, a priority, an owner, a
/// promise with its due time, a reply from a template (through the send guard), then a status.
/// Personal, a lead's for the team, or an admin's for everyone, as views are. Each step is a
/// column; null means the macro leaves that alone.
/// </summary>
public sealed class Macro : Sharing.IShared
{
    public long Id { get; private set; }
    public required string Name { get; set; }
    public long? OwnerId { get; init; }
    public long? TeamId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    public string? Note { get; set; }
    /// <summary>Comma-separated, normalised (<see cref="Tags.TagName"/>).</summary>
    public string? AddTags { get; set; }
    public string? RemoveTags { get; set; }
    public CasePriority? Priority { get; set; }
    /// <summary>"me" (whoever applies it) or a person's id.</summary>
    public string? AssignTo { get; set; }
    public string? PromiseWhat { get; set; }
    public double? PromiseInBusinessHours { get; set; }
    /// <summary>A reply template's key in the case's team and the customer's language.</summary>
    public string? ReplyTemplate { get; set; }
    /// <summary>"wait", "close" or "resolve" (a case with open promises is refused at that step).</summary>
    public string? Status { get; set; }

    public static IReadOnlyList<string> Split(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
