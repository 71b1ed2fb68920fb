using System.Text.RegularExpressions;

namespace Guichet.Core.Replies;

/// <summary>One reason a reply may not leave as it is, with a code and a plain sentence (SPEC Q4).</summary>
public sealed record GuardReason(string Code, string Message, bool Blocking);

/// <summary>
/// The one check every outgoing path calls before a message leaves (SPEC Q4). This first
/// version enforces Q1 (no unfilled field); the replies issue adds Q2, Q3, C3, E4, dated
/// commitments and P4 here, so every path gets them at once.
/// </summary>
public static partial class SendGuard
{
    public static IReadOnlyList<GuardReason> Check(string body)
    {
        var reasons = new List<GuardReason>();
        if (string.IsNullOrWhiteSpace(body))
        {
            reasons.Add(new("Q1.empty", "The reply is empty.", Blocking: true));
            return reasons;
        }
        var leftovers = LeftoverMarkers().Matches(body).Select(m => m.Value).Distinct(StringComparer.Ordinal).ToList();
        if (leftovers.Count > 0)
        {
            reasons.Add(new(
                "Q1.placeholder",
                $"The reply still contains unfilled fields: {string.Join(", ", leftovers.Select(l => $"\"{l}\""))}.",
                Blocking: true));
        }
        return reasons;
    }

    // Template syntax left in the text, bracketed capitals ([NAME], [NOM]), runs of X, <placeholder>, $FIRSTNAME, %NAME%.
    [GeneratedRegex(@"\{\{.*?(\}\}|$)|\{%.*?(%\}|$)|\[[A-Z_ ]{2,}\]|X{4,}|(?i:<\s*(placeholder|name|nom|prénom|firstname)\s*>)|\$[A-Z_]{3,}|%[A-Z_]{3,}%", RegexOptions.Multiline | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LeftoverMarkers();
}
