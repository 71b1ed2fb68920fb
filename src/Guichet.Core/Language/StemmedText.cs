using System.Globalization;
using System.Text;
using Lucene.Net.Tartarus.Snowball;
using Lucene.Net.Tartarus.Snowball.Ext;

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
    [ThreadStatic] private static FrenchStemmer? french;
    [ThreadStatic] private static EnglishStemmer? english;

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
        var known = Known.GetAlternateLookup<ReadOnlySpan<char>>();
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
                if (IsElision(text.AsSpan(start, i - start)))
                {
                    start = i + 1;
                }
                continue;
            }
            if (start >= 0)
            {
                var token = text.AsSpan(start, i - start);
                if (token.Length >= 3 && (known.TryGetValue(token, out var stems) || (stems = Learn(token)) is not null) && stems.Length > 0)
                {
                    words.Add(stems);
                }
                start = -1;
            }
        }
        return new StemmedText(words);
    }

    /// <summary>
    /// A word's stems, remembered (none for a word that says nothing: a function word, a number):
    /// customers use a few thousand words, and stemming each one again for every message cost more
    /// than the rest of the rule. Bounded, so that odd input cannot grow it.
    /// </summary>
    private static string[] Learn(ReadOnlySpan<char> token)
    {
        var word = token.ToString().ToLowerInvariant().Replace('’', '\'');
        string[] stems;
        if (word.Any(char.IsDigit) || Ignored.Contains(Fold(word)))
        {
            stems = [];
        }
        else
        {
            var fr = Fold(Stem(french ??= new FrenchStemmer(), word));
            var en = Fold(Stem(english ??= new EnglishStemmer(), word));
            stems = fr == en ? [fr] : [fr, en];
        }
        if (Known.Count >= MaxKnown)
        {
            Known.Clear();
        }
        Known[token.ToString()] = stems;
        return stems;
    }

    private static bool IsElision(ReadOnlySpan<char> prefix)
    {
        foreach (var elision in Elisions)
        {
            if (prefix.Equals(elision, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    private const int MaxKnown = 50_000;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string[]> Known = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How many of these words have a stem in <paramref name="other"/>.</summary>
    public int FoundIn(HashSet<string> other) => Words.Count(w => w.Any(other.Contains));

    private static string Stem(SnowballProgram stemmer, string word)
    {
        stemmer.SetCurrent(word);
        stemmer.Stem();
        return stemmer.Current;
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

    /// <summary>French elisions cut from the word they are glued to: the tokenizer is written here rather than Lucene's, which took longer than the whole rule on short help-desk texts.</summary>
    private static readonly string[] Elisions = ["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"];

    /// <summary>Folded words that never tell one matter from another.</summary>
    private static readonly HashSet<string> Ignored = new(StopWords.French.Concat(StopWords.English).Concat(StopWords.HelpDesk).Select(Fold), StringComparer.Ordinal);
}
