using System.Text.RegularExpressions;

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

    /// <summary>Where the sentence holding the text between two positions begins and ends, a sentence ending at any of <paramref name="ends"/>.</summary>
    public (int Start, int End) SentenceAround(int start, int end, ReadOnlySpan<char> ends)
    {
        var before = Raw.AsSpan(0, start).LastIndexOfAny(ends);
        var after = end >= Raw.Length ? -1 : Raw.AsSpan(end).IndexOfAny(ends);
        return (before + 1, after < 0 ? Raw.Length : end + after);
    }

    /// <summary>The words between two positions, as the whole text reads them (a rule weighing where a phrase stands).</summary>
    public RuleText Part(int start, int end) => new(Raw, [.. Tokens.Where(t => t.Start >= start && t.End <= end)]);

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
                if (FrenchElision.FullForm(prefix) is { } full)
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
        var (folded, stems) = Known.Get(text.AsSpan(start, end - start));
        return new Token(folded, stems, TokenKind.Word, start, end);
    }

    /// <summary>A word's folded form and its stems, the folded form first, remembered.</summary>
    private static readonly WordMemo<(string Folded, string[] Stems)> Known = new(word =>
    {
        var lower = word.ToLowerInvariant();
        var folded = StemmedText.Fold(lower);
        if (lower.Any(char.IsDigit))
        {
            return (folded, [folded]);
        }
        var (fr, en) = Snowball.Stems(lower);
        return (folded, [.. new[] { folded, fr, en }.Distinct(StringComparer.Ordinal)]);
    });

    // An email address; a web address; a phone number: groups of digits with separators ("01 80 00 00 01", "+33 1 80 00 00 01",
    // "0 800 123 456"), ten digits from 0, or a French short service number ("3900"); an order number is none of these.
    [GeneratedRegex(@"(?<email>[\w.+-]+@[\w-]+(\.[\w-]+)+)|(?<url>\b(https?://|www\.)[^\s<>""]+)|(?<phone>(?<![\w@])(\+\d{1,3}[ .]?(\(0\)[ .]?)?\d{1,4}([ .-]\d{2,4}){2,5}|\d{1,4}([ .-]\d{2,4}){3,5}|0\d{2,3}[ .-]\d{3,4}[ .-]\d{3,4}|\(\d{3}\)[ ]?\d{3}-\d{4}|0\d{9}|\+\d{10,13}|3\d{3})(?![\w@]|[.,]\d))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Specials();
}
