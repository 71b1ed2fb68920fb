using System.Text.RegularExpressions;

namespace Guichet.Core.Knowledge;

/// <summary>
/// What a person typed, reduced to words, and written as each engine's query: quoted FTS5 terms
/// (nothing typed can be an FTS5 operator) or PostgreSQL tsquery words.
/// </summary>
public static partial class SearchTerms
{
    private const int MaxWords = 12;

    // Words that carry no subject: the suggestion query leaves them out.
    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "bonjour", "merci", "cordialement", "madame", "monsieur", "votre", "notre", "vous", "nous", "avec", "pour", "dans", "mais", "sont", "cette",
        "était", "avoir", "être", "fait", "plus", "tout", "toujours", "encore", "depuis", "alors", "comme", "quand", "aussi", "leur", "elle",
        "hello", "thanks", "thank", "regards", "dear", "your", "with", "that", "this", "have", "from", "they", "there", "would", "could",
        "about", "still", "been", "were", "what", "when", "please",
    };

    public static IReadOnlyList<string> Words(string? text) =>
        Word().Matches(text ?? "").Select(m => m.Value.ToLowerInvariant()).Distinct(StringComparer.Ordinal).Take(MaxWords).ToList();

    /// <summary>The significant words of a case (subject and customer's text), longest first: what to suggest articles for.</summary>
    public static IReadOnlyList<string> Significant(string text) =>
        Word().Matches(text).Select(m => m.Value.ToLowerInvariant()).Where(w => w.Length >= 4 && !Common.Contains(w) && !w.All(char.IsDigit))
            .GroupBy(w => w, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key.Length).Select(g => g.Key).Take(8).ToList();

    /// <summary>Every word, the last one as a prefix (search as you type).</summary>
    public static string Fts5All(IReadOnlyList<string> words) =>
        string.Join(" ", words.Select((w, i) => i == words.Count - 1 ? $"\"{w}\"*" : $"\"{w}\""));

    public static string Fts5Any(IReadOnlyList<string> words) => string.Join(" OR ", words.Select(w => $"\"{w}\""));

    public static string TsQueryAny(IReadOnlyList<string> words) => string.Join(" | ", words);

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Word();
}
