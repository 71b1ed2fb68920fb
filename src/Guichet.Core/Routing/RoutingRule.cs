using Guichet.Core.Cases;

namespace Guichet.Core.Routing;

/// <summary>
/// One ordered routing rule (issue 7): when every condition it names holds (channel, customer
/// tier, language, any of its terms in the subject or text), it sets what it names (team,
/// priority, category). For each of those, the first matching rule in order wins.
/// </summary>
public sealed class RoutingRule
{
    public long Id { get; private set; }
    public int Position { get; set; }
    public required string Name { get; set; }
    public Channel? Channel { get; set; }
    public string? Tier { get; set; }
    public string? Language { get; set; }
    /// <summary>Comma-separated words or phrases; any one matches (accents and case ignored).</summary>
    public string? Terms { get; set; }
    public string? TeamSlug { get; set; }
    public CasePriority? Priority { get; set; }
    public string? Category { get; set; }
}
