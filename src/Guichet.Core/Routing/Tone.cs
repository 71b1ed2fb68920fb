using System.Text.RegularExpressions;

namespace Guichet.Core.Routing;

/// <summary>
/// How angry a customer's message reads, French or English (SPEC E1): words of anger and
/// contempt, threats to leave, runs of "!!" and words in capitals. A small explainable lexicon,
/// not a model: the reason shown to the lead quotes what was found.
/// </summary>
public static partial class Tone
{
    private static readonly string[] Angry =
    [
        "inadmissible", "inacceptable", "scandale", "scandaleux", "honteux", "honte", "lamentable", "nul", "nulle", "incompetent", "incompetents",
        "furieux", "furieuse", "excede", "exasperee", "exaspere", "ras le bol", "marre", "ridicule", "mepris", "arnaque", "voleurs", "jamais plus",
        "plus jamais", "dernier message", "je resilie", "je vais resilier", "pire", "catastrophique", "degoute", "degoutee",
        "unacceptable", "outrageous", "disgrace", "disgraceful", "shameful", "useless", "incompetent", "furious", "fed up", "ridiculous",
        "contempt", "rip off", "thieves", "never again", "worst", "appalling", "terrible", "i will cancel", "last time", "sick of",
    ];

    public sealed record Reading(int Score, IReadOnlyList<string> Found);

    public static Reading Read(string text) => Read(new FoldedText(text));

    public static Reading Read(FoldedText message)
    {
        var text = message.Raw;
        var found = Angry.Where(message.Has).Distinct(StringComparer.Ordinal).ToList();
        var score = found.Count;
        if (Exclamations().IsMatch(text))
        {
            score++;
            found.Add("!!");
        }
        if (Shouted().Count(text) >= 2)
        {
            score++;
            found.Add("CAPITALES");
        }
        return new(score, found);
    }

    [GeneratedRegex(@"[!?]{2,}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Exclamations();

    [GeneratedRegex(@"\b\p{Lu}{5,}\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Shouted();
}
