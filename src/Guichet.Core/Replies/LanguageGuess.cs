using Lingua;
using Spoken = Lingua.Language;

namespace Guichet.Core.Replies;

/// <summary>
/// French or English, from the text itself (issue 24): Lingua's n-gram models, the two languages
/// only. On 431 labelled short customer messages it reads 417 right (96.8 %); its low-accuracy mode
/// 406, the earlier count of function words 103 (it left the rest undecided). The full mode costs
/// about 60 MB of models per process and 0.3 ms a message (docs/benchmarks.md): a wrong-language
/// acknowledgment is what the customer sees first, so the better reading is kept.
/// </summary>
public static class LanguageGuess
{
    private static readonly LanguageDetector Detector = LanguageDetectorBuilder
        .FromLanguages(Spoken.French, Spoken.English)
        .Build();

    // The .NET port does not say its detector may be shared between threads; a lock costs nothing at these rates.
    private static readonly Lock Guard = new();

    /// <summary>"fr" or "en"; null when the text has no letters to read.</summary>
    public static string? Of(string text) => Read(text, 0.5);

    /// <summary>
    /// Only when the text is long enough and the reading sure (a warning to a person, Q3): "OK merci"
    /// is no reason to tell an agent they wrote in the wrong language.
    /// </summary>
    public static string? Surely(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetter)) >= 4 ? Read(text, 0.7) : null;

    private static string? Read(string text, double confidence)
    {
        if (!text.Any(char.IsLetter))
        {
            return null;
        }
        KeyValuePair<Spoken, double> best;
        lock (Guard)
        {
            best = Detector.ComputeLanguageConfidenceValues(text).OrderByDescending(kv => kv.Value).FirstOrDefault();
        }
        return best.Value < confidence ? null : best.Key switch
        {
            Spoken.French => "fr",
            Spoken.English => "en",
            _ => null,
        };
    }
}
