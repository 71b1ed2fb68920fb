namespace Guichet.Core.Cases.Tags;

/// <summary>
/// A word an agent, a rule or an import puts on a case to find and group it (SPEC W5): "remboursement",
/// "vip", "grève-2026". One row per case and tag; the name is stored as <see cref="TagName"/> writes it.
/// </summary>
public sealed class CaseTag
{
    public long CaseId { get; init; }
    public required string Name { get; set; }
}
