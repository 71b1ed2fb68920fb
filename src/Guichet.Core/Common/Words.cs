using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Guichet.Core;

/// <summary>Text folded for comparison: lowercase, accents off, words of letters and digits; the common words no signal counts.</summary>
internal static partial class Words
{
    public static string Fold(string text)
    {
        if (System.Text.Ascii.IsValid(text))
        {
            return text.ToLowerInvariant();
        }
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                kept.Append(c);
            }
        }
        return kept.ToString().Normalize(NormalizationForm.FormC);
    }

    public static IEnumerable<string> Of(string text) => Word().Matches(text).Select(m => m.Value);

    /// <summary>Greetings, courtesy and grammar words, folded: they say nothing about a problem (C5 repetitions, K1 suggestions).</summary>
    public static bool IsCommon(string folded) => Common.Contains(folded);

    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "bonjour", "merci", "cordialement", "madame", "monsieur", "votre", "notre", "vous", "nous", "avec", "pour", "dans", "mais", "sont",
        "cette", "etait", "avoir", "etre", "fait", "plus", "tout", "toujours", "encore", "depuis", "alors", "comme", "quand", "aussi", "leur",
        "elle", "hello", "thanks", "thank", "regards", "dear", "your", "with", "that", "this", "have", "from", "they", "there", "would",
        "could", "about", "still", "been", "were", "what", "when", "please", "deja", "already", "again", "nouveau",
    };

    /// <summary>The text's words, folded, between single spaces and with a space at each end, for <see cref="HasPhrase"/>.</summary>
    public static string Padded(string text) => " " + Phrase(text) + " ";

    /// <summary>A term as whole words ("fuite de gaz"), folded: how terms are written before matching.</summary>
    public static string Phrase(string text) => string.Join(' ', Of(Fold(text)));

    public static bool HasPhrase(string padded, string phrase) => phrase.Length > 0 && padded.Contains(" " + phrase + " ", StringComparison.Ordinal);

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Word();
}
