namespace Guichet.Core.Routing;

/// <summary>
/// Whether a customer's message says again what they already wrote on the case (SPEC C5). The
/// measure is containment: the share of the new message's significant words (four letters or
/// more, not the common ones) found in one earlier message of theirs. Chosen over a symmetric
/// similarity because a re-explanation usually repeats the old story and adds a line of anger:
/// the old words are there, the new ones do not dilute it. Threshold 0.6 with at least six
/// significant words: below six, "toujours rien pour ma valise" would count.
/// </summary>
public static class Repetition
{
    public const double Threshold = 0.6;
    public const int MinWords = 6;


    /// <summary>The share of the message's significant words found in the earlier message that contains most of them, and that message's index.</summary>
    public static (double Share, int Index)? Best(string message, IReadOnlyList<string> earlier) =>
        Best(new FoldedText(message), earlier.Select(e => new FoldedText(e)).ToList());

    public static (double Share, int Index)? Best(FoldedText message, IReadOnlyList<FoldedText> earlier)
    {
        var words = message.Significant;
        if (words.Count < MinWords || earlier.Count == 0)
        {
            return null;
        }
        var best = earlier.Select((text, index) => (Share: words.Count(text.Significant.Contains) / (double)words.Count, Index: index))
            .MaxBy(x => x.Share);
        return best.Share >= Threshold ? best : null;
    }
}
