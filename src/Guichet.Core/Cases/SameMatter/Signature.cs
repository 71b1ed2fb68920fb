using System.Text.RegularExpressions;

namespace Guichet.Core.Cases;

/// <summary>
/// A message without its sign-off: "Cordialement, Mathis Carrel", "Thanks, J." and a bare name
/// on the last line are in every message a customer writes, whatever it is about.
/// </summary>
public static partial class Signature
{
    public static string Strip(string text)
    {
        var tail = Math.Max(0, text.Length - 160);
        if (SignOff().Matches(text, tail).LastOrDefault() is { } signOff)
        {
            text = text[..signOff.Index];
        }
        // Short last lines without a full stop are a signature block: a name, an address, a loyalty card.
        var lines = text.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r', ' ')).ToList();
        var written = lines.Count(l => !string.IsNullOrWhiteSpace(l));
        while (written > 1 && lines[^1] is var last
            && (string.IsNullOrWhiteSpace(last) || (last.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 8 && !EndsLikeASentence().IsMatch(last))))
        {
            written -= string.IsNullOrWhiteSpace(last) ? 0 : 1;
            lines.RemoveAt(lines.Count - 1);
        }
        // A last "sentence" of one to four capitalised words is a name ("M. Carrel" holds a full stop of its own).
        text = string.Join('\n', lines);
        var cut = text.Length;
        var end = text.Length;
        for (var tries = 0; tries < 4 && end >= 0; tries++)
        {
            var stop = end == 0 ? -1 : text.LastIndexOfAny(SentenceEnds, end - 1);
            if (NameOnly().IsMatch(text.AsSpan(stop + 1)))
            {
                cut = stop + 1;
            }
            if (stop < 0)
            {
                break;
            }
            end = stop;
        }
        return text[..cut];
    }

    private static readonly char[] SentenceEnds = ['.', '!', '?'];

    [GeneratedRegex(@"[.!?:;…)]\s*$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex EndsLikeASentence();

    [GeneratedRegex(@"(?<=^|[\s.!?,])(bien cordialement|cordialement|bien [àa] vous|salutations|sinc[èe]rement|merci d'avance|merci par avance|kind regards|best regards|regards|best wishes|sincerely|many thanks|thanks in advance|cheers)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SignOff();

    [GeneratedRegex(@"^\s*(?:(?:M\.|Mme|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|[A-ZÀ-Ý]\.|[A-ZÀ-Ý][\p{Ll}'-]+)\s*){1,4}\s*$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NameOnly();
}
