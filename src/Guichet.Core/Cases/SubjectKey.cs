using System.Text.RegularExpressions;

namespace Guichet.Core.Cases;

/// <summary>
/// A subject reduced to what identifies the matter: reply and forward prefixes in the usual
/// languages stripped (Re:, Fwd:, TR:, AW:, WG:, RE :), spacing and case ignored (SPEC C1).
/// </summary>
public static partial class SubjectKey
{
    public static string Of(string subject)
    {
        var text = subject.Trim();
        while (Prefix().Match(text) is { Success: true } m)
        {
            text = text[m.Length..];
        }
        return Spaces().Replace(text, " ").Trim().ToLowerInvariant();
    }

    /// <summary>The newest of a customer's active cases on the same matter, if any (C1: one problem, one case).</summary>
    public static long? SameMatter(IEnumerable<(long Id, string Subject)> activeCases, string subject)
    {
        var key = Of(subject);
        return activeCases.Where(c => Of(c.Subject) == key).OrderByDescending(c => c.Id).Select(c => (long?)c.Id).FirstOrDefault();
    }

    [GeneratedRegex(@"^\s*(re|fwd?|tr|aw|wg|réf?|rép|sv|vs|antw)\s*(\[\d+\])?\s*:\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Prefix();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Spaces();
}
