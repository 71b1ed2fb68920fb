using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Lucene.Net.Tartarus.Snowball;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace Guichet.Core.Language;

/// <summary>What a token is: a word, or a thing a redirect names (an address, a phone number, a web address).</summary>
public enum TokenKind
{
    Word,
    Email,
    Phone,
    Url,
}

/// <summary>
/// A text as the rules read it (issue 23): every word in order, function words kept ("ne … pas",
/// "merci de"), French elisions cut into their own word ("d'écrire" is "de" + "écrire"), each word
/// folded (no case, no accents) with its French and English stems, so that "perdu", "perdue" and
/// "perdus" meet; email addresses, phone numbers and web addresses are one token each.
/// </summary>
public sealed partial class RuleText
{
    public readonly record struct Token(string Folded, string[] Stems, TokenKind Kind, int Start, int End);

    public string Raw { get; }
    public IReadOnlyList<Token> Tokens { get; }

    private RuleText(string raw, List<Token> tokens)
    {
        Raw = raw;
        Tokens = tokens;
    }

    public static RuleText Of(string text)
    {
        var tokens = new List<Token>();
        var specials = Specials().Matches(text);
        var at = 0;
        foreach (Match special in specials)
        {
            Words(text, at, special.Index, tokens);
            var kind = special.Groups["email"].Success ? TokenKind.Email : special.Groups["url"].Success ? TokenKind.Url : TokenKind.Phone;
            var marker = "@" + kind.ToString().ToLowerInvariant();
            tokens.Add(new Token(marker, [marker], kind, special.Index, special.Index + special.Length));
            at = special.Index + special.Length;
        }
        Words(text, at, text.Length, tokens);
        return new RuleText(text, tokens);
    }

    /// <summary>The text between two positions as written, for showing what a rule found.</summary>
    public string Written(int start, int end) => Raw[start..end];

    private static void Words(string text, int from, int to, List<Token> tokens)
    {
        var start = -1;
        for (var i = from; i <= to; i++)
        {
            var c = i < to ? text[i] : ' ';
            if (char.IsLetterOrDigit(c))
            {
                if (start < 0)
                {
                    start = i;
                }
                continue;
            }
            if (c is '\'' or '’' && start >= 0 && i + 1 < to && char.IsLetter(text[i + 1]))
            {
                var prefix = text.AsSpan(start, i - start);
                if (Elided(prefix) is { } full)
                {
                    tokens.Add(new Token(full, [full], TokenKind.Word, start, i + 1));
                    start = i + 1;
                    continue;
                }
                // "n't", "don't": the English negation stays visible as "not".
                if (i + 2 < to && text[i + 1] is 't' or 'T' && (i + 2 == to || !char.IsLetter(text[i + 2])) && prefix.Length > 1 && prefix[^1] is 'n' or 'N')
                {
                    tokens.Add(Word(text, start, i - 1));
                    tokens.Add(new Token("not", ["not"], TokenKind.Word, i - 1, i + 2));
                    start = -1;
                    i += 1;
                    continue;
                }
                continue;
            }
            if (start >= 0)
            {
                tokens.Add(Word(text, start, i));
                start = -1;
            }
        }
    }

    private static Token Word(string text, int start, int end)
    {
        var span = text.AsSpan(start, end - start);
        var known = Known.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!known.TryGetValue(span, out var entry))
        {
            entry = Learn(span.ToString());
        }
        return new Token(entry.Folded, entry.Stems, TokenKind.Word, start, end);
    }

    /// <summary>A word's folded form and stems, remembered (bounded: odd input cannot grow it).</summary>
    private static (string Folded, string[] Stems) Learn(string word)
    {
        var lower = word.ToLowerInvariant();
        var folded = StemmedText.Fold(lower);
        (string, string[]) entry;
        if (lower.Any(char.IsDigit))
        {
            entry = (folded, [folded]);
        }
        else
        {
            var fr = StemmedText.Fold(Stem(french ??= new FrenchStemmer(), lower));
            var en = StemmedText.Fold(Stem(english ??= new EnglishStemmer(), lower));
            entry = (folded, [.. new[] { folded, fr, en }.Distinct(StringComparer.Ordinal)]);
        }
        if (Known.Count >= MaxKnown)
        {
            Known.Clear();
        }
        Known[word] = entry;
        return entry;
    }

    /// <summary>The stems a rule's word matches: the word itself, folded, and its French and English stems.</summary>
    public static string[] StemsOf(string word) => Word(word, 0, word.Length).Stems;

    private static string Stem(SnowballProgram stemmer, string word)
    {
        stemmer.SetCurrent(word);
        stemmer.Stem();
        return stemmer.Current;
    }

    private static string? Elided(ReadOnlySpan<char> prefix) => prefix.Length > 7 ? null : StemmedText.Fold(prefix.ToString().ToLowerInvariant()) switch
    {
        "l" => "le",
        "d" => "de",
        "j" => "je",
        "m" => "me",
        "t" => "te",
        "s" => "se",
        "n" => "ne",
        "c" => "ce",
        "qu" => "que",
        "jusqu" => "jusque",
        "lorsqu" => "lorsque",
        "puisqu" => "puisque",
        "quoiqu" => "quoique",
        _ => null,
    };

    [ThreadStatic] private static FrenchStemmer? french;
    [ThreadStatic] private static EnglishStemmer? english;

    private const int MaxKnown = 50_000;
    private static readonly ConcurrentDictionary<string, (string Folded, string[] Stems)> Known = new(StringComparer.OrdinalIgnoreCase);

    // An email address; a web address; a phone number: groups of digits with separators ("01 80 00 00 01", "+33 1 80 00 00 01",
    // "0 800 123 456"), ten digits from 0, or a French short service number ("3900"); an order number is none of these.
    [GeneratedRegex(@"(?<email>[\w.+-]+@[\w-]+(\.[\w-]+)+)|(?<url>\b(https?://|www\.)[^\s<>""]+)|(?<phone>(?<![\w@])(\+\d{1,3}[ .]?(\(0\)[ .]?)?\d{1,4}([ .-]\d{2,4}){2,5}|\d{1,4}([ .-]\d{2,4}){3,5}|0\d{2,3}[ .-]\d{3,4}[ .-]\d{3,4}|\(\d{3}\)[ ]?\d{3}-\d{4}|0\d{9}|\+\d{10,13}|3\d{3})(?![\w@]|[.,]\d))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Specials();
}
