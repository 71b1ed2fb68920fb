using System.Text.RegularExpressions;

namespace Guichet.Core.Replies;

/// <summary>
/// French or English, from the share of each language's most common function words. A tiny,
/// explainable detector for exactly the two languages Guichet writes in: the .NET language
/// detection packages on NuGet are unmaintained ports; a short reply in the wrong language is
/// obvious from its little words. Null when the text is too short or the counts are close.
/// </summary>
public static partial class LanguageGuess
{
    private static readonly HashSet<string> French = ["le", "la", "les", "des", "du", "de", "et", "est", "vous", "votre", "vos", "nous", "notre", "pour", "avec", "dans", "une", "un", "pas", "que", "qui", "sur", "ce", "cette", "au", "aux", "bonjour", "merci", "sera", "sont", "avons", "je", "il", "elle", "ne", "par", "à", "très", "bien", "cordialement"];
    private static readonly HashSet<string> English = ["the", "and", "is", "are", "you", "your", "we", "our", "for", "with", "in", "of", "to", "a", "an", "not", "that", "this", "on", "will", "be", "have", "has", "it", "hello", "thank", "thanks", "dear", "regards", "please", "by", "at", "i", "from", "as", "kind"];

    public static string? Of(string text)
    {
        var words = Words().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToList();
        var fr = words.Count(French.Contains);
        var en = words.Count(English.Contains);
        if (fr + en < 4)
        {
            return null;
        }
        return fr >= 2 * en ? "fr" : en >= 2 * fr ? "en" : null;
    }

    [GeneratedRegex(@"\p{L}+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Words();
}
