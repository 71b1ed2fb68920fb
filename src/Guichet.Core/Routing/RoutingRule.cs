using Guichet.Core.Cases;

namespace Guichet.Core.Routing;

/// <summary>
/// One ordered routing rule (issue 7): when every condition it names holds (channel, customer
/// tier, language, any of its terms in the subject or text, a tag, organisation or field of the
/// customer's profile: W5, W12), it sets what it names (team, priority, category) and adds its
/// tags to the case. For team, priority and category, the first matching rule in order wins;
/// every matching rule's tags are added.
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
    /// <summary>A tag the customer or one of their organisations carries.</summary>
    public string? ProfileTag { get; set; }
    /// <summary>The name of one of the customer's organisations.</summary>
    public string? Organisation { get; set; }
    /// <summary>"key=value": a customer or organisation field holding this value, written as its type writes it.</summary>
    public string? Field { get; set; }
    public string? TeamSlug { get; set; }
    public CasePriority? Priority { get; set; }
    public string? Category { get; set; }
    /// <summary>Comma-separated tags added to the case.</summary>
    public string? Tags { get; set; }

    /// <summary>Whether the rule reads the customer's profile (so routing loads it only when a rule does).</summary>
    public bool ReadsProfile => ProfileTag is not null || Organisation is not null || Field is not null;
}
