namespace Guichet.Core.Knowledge;

/// <summary>
/// What a person typed, reduced to words, and written as each engine's query: quoted FTS5 terms
/// (nothing typed can be an FTS5 operator) or PostgreSQL tsquery words.
/// </summary>
public static class SearchTerms
{
    private const int MaxWords = 12;

    public static IReadOnlyList<string> Words(string? text) =>
        Guichet.Core.Words.Of(text ?? "").Select(w => w.ToLowerInvariant()).Distinct(StringComparer.Ordinal).Take(MaxWords).ToList();

    /// <summary>The significant words of a case (subject and customer's text), longest first: what to suggest articles for.</summary>
    public static IReadOnlyList<string> Significant(string text) =>
        Guichet.Core.Words.Of(text).Select(w => w.ToLowerInvariant()).Where(w => w.Length >= 4 && !Guichet.Core.Words.IsCommon(Guichet.Core.Words.Fold(w)) && !w.All(char.IsDigit))
            .GroupBy(w => w, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key.Length).Select(g => g.Key).Take(8).ToList();

    /// <summary>Every word, the last one as a prefix (search as you type).</summary>
    public static string Fts5All(IReadOnlyList<string> words) =>
        string.Join(" ", words.Select((w, i) => i == words.Count - 1 ? $"\"{w}\"*" : $"\"{w}\""));

    /// <summary>Every word, each whole (no prefix), as an FTS5 query.</summary>
    public static string Fts5Words(IReadOnlyList<string> words) => string.Join(" ", words.Select(w => $"\"{w}\""));

    public static string Fts5Any(IReadOnlyList<string> words) => string.Join(" OR ", words.Select(w => $"\"{w}\""));

    public static string TsQueryAny(IReadOnlyList<string> words) => string.Join(" | ", words);

    /// <summary>Every word, the last one as a prefix (search as you type), as a PostgreSQL tsquery.</summary>
    public static string TsQueryAllPrefix(IReadOnlyList<string> words) =>
        string.Join(" & ", words.Select((w, i) => i == words.Count - 1 ? w + ":*" : w));

}
