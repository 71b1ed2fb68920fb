using System.Text.RegularExpressions;

namespace Guichet.Core.Social;

public enum SocialClass
{
    Complaint,
    Question,
    Opinion,
    InsultOrSpam,
}

/// <summary>
/// Sorts a public comment with rules an agent can read (French and English lexicons), in order:
/// insult or spam, then complaint, then service question, else a general opinion. The rule that
/// matched is returned with the class, so the agent sees why. A negative opinion is an opinion,
/// never an insult: only the words in the insult lexicon make one.
/// </summary>
public static partial class SocialClassifier
{
    public sealed record Verdict(SocialClass Class, string Rule);

    private static readonly (SocialClass Class, string Name, Regex Pattern)[] Rules =
    [
        (SocialClass.InsultOrSpam, "insult lexicon", Insults()),
        (SocialClass.InsultOrSpam, "spam: promotion with a link", Spam()),
        (SocialClass.Complaint, "complaint lexicon", Complaints()),
        (SocialClass.Question, "question mark", QuestionMark()),
        (SocialClass.Question, "question words", QuestionWords()),
    ];

    public static Verdict Classify(string text)
    {
        foreach (var (kind, name, pattern) in Rules)
        {
            if (pattern.Match(text) is { Success: true } match)
            {
                return new Verdict(kind, $"{name}: « {match.Value.Trim()} »");
            }
        }
        return new Verdict(SocialClass.Opinion, "no complaint, question or insult found");
    }

    [GeneratedRegex(@"\b(connard|connards|connasse|abruti|abrutis|encul[ée]s?|salope|putain de merde|ta gueule|idiots?|bastards?|assholes?|morons?|fuck(ing)? you|scumbags?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Insults();

    [GeneratedRegex(@"\b(gagnez|gratuit|promo|bitcoin|crypto|casino|win|free|click here|cliquez ici)\b.*https?://|https?://.*\b(gagnez|gratuit|promo|bitcoin|crypto|casino|win|free)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Spam();

    [GeneratedRegex(@"\b(toujours pas|jamais re[çc]u|aucune r[ée]ponse|pas de r[ée]ponse|perdu|perdue|remboursement|rembours[ée]z|inadmissible|scandale|scandaleux|honteux|honte|arnaque|d[ée][çc]u|d[ée]cevant|plainte|r[ée]clamation|en panne|coup[ée]|ne fonctionne pas|still (no|not)|never (received|arrived|got)|no (answer|reply|response)|lost|refund|unacceptable|disgrace|scam|complaint|broken|not working|worst)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Complaints();

    [GeneratedRegex(@"\?\s*$|\?\s", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex QuestionMark();

    [GeneratedRegex(@"^\s*(comment|pourquoi|quand|o[ùu]|est-ce que|how|why|when|where|can i|do you|is there)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex QuestionWords();
}
