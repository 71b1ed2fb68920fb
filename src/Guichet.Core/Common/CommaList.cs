namespace Guichet.Core;

/// <summary>Short lists kept as "fr,en" or "billing,refunds" text: read, tested and written one way.</summary>
public static class CommaList
{
    public static IEnumerable<string> Items(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public static bool Contains(string? text, string? item) => item is not null && Items(text).Contains(item, StringComparer.Ordinal);

    /// <summary>Trimmed, lowercase, without empties or repeats.</summary>
    public static string Normalise(string text) => string.Join(",", Items(text).Select(i => i.ToLowerInvariant()).Distinct(StringComparer.Ordinal));

    /// <summary>Language codes ("fr,en"), or null when the text is not such a list.</summary>
    public static string? Languages(string text)
    {
        var codes = Items(text).ToList();
        return codes.Count == 0 || codes.Any(c => c.Length is < 2 or > 8 || !c.All(char.IsAsciiLetter)) ? null : Normalise(text);
    }
}
