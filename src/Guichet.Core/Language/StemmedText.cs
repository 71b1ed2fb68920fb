using System.Globalization;
using System.Text;

namespace Guichet.Core.Language;

/// <summary>
/// A text as words that carry meaning, each reduced to its stems in French and in English
/// (French elisions cut, the Snowball stemmers of Lucene.Net, accents folded after stemming):
/// "valises perdues", "valise perdue" and "lost suitcases" meet on "valis", "perdu", "suitcas".
/// Both stemmers run on every word because customers mix languages and a short message says too
/// little to tell which one it is in. Function words and the words of every help-desk message
/// (bonjour, merci, demande, request…) are left out: they say nothing about the matter.
/// </summary>
public sealed class StemmedText
{
    /// <summary>The meaningful words in order, each with its stems (one or two).</summary>
    public IReadOnlyList<string[]> Words { get; }

    /// <summary>Every stem of every word.</summary>
    public HashSet<string> Stems { get; }

    private StemmedText(List<string[]> words)
    {
        Words = words;
        Stems = words.SelectMany(w => w).ToHashSet(StringComparer.Ordinal);
    }

    public static StemmedText Of(string text)
    {
        var words = new List<string[]>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (char.IsLetterOrDigit(c))
            {
                if (start < 0)
                {
                    start = i;
                }
                continue;
            }
            // An apostrophe inside a word: an elision to cut ("l'avion", "qu'il") or part of the word ("aujourd'hui", "don't").
            if (c is '\'' or '’' && start >= 0 && i + 1 < text.Length && char.IsLetter(text[i + 1]))
            {
                if (FrenchElision.FullForm(text.AsSpan(start, i - start)) is not null)
                {
                    start = i + 1;
                }
                continue;
            }
            if (start >= 0)
            {
                var token = text.AsSpan(start, i - start);
                if (token.Length >= 3 && Known.Get(token) is { Length: > 0 } stems)
                {
                    words.Add(stems);
                }
                start = -1;
            }
        }
        return new StemmedText(words);
    }

    /// <summary>Lower case without accents: "arrivée" and "arrivee" are one word.</summary>
    public static string Fold(string word)
    {
        if (Ascii.IsValid(word))
        {
            return word;
        }
        var decomposed = word.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c);
            }
        }
        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Folded words that never tell one matter from another.</summary>
    private static readonly HashSet<string> Ignored = new(StopWords.French.Concat(StopWords.English).Concat(StopWords.HelpDesk).Select(Fold), StringComparer.Ordinal);

    /// <summary>A word's stems (none for a word that says nothing: a function word, a number), remembered.</summary>
    private static readonly WordMemo<string[]> Known = new(token =>
    {
        var word = token.ToLowerInvariant().Replace('’', '\'');
        if (word.Any(char.IsDigit) || Ignored.Contains(Fold(word)))
        {
            return [];
        }
        var (fr, en) = Snowball.Stems(word);
        return fr == en ? [fr] : [fr, en];
    });
}
