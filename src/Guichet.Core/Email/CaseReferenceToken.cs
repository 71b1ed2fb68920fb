using System.Text.RegularExpressions;

namespace Guichet.Core.Email;

/// <summary>The case reference quoted in a subject: "[G-2026-000123]" or a bare "G-2026-000123".</summary>
public static partial class CaseReferenceToken
{
    public static string? Find(string? subject) =>
        subject is null ? null : Token().Match(subject) is { Success: true } m ? m.Groups[1].Value.ToUpperInvariant() : null;

    [GeneratedRegex(@"\b(G-\d{4}-\d{6})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Token();
}
