using System.Text.RegularExpressions;

namespace Guichet.Core.Social;

/// <summary>
/// What may be hidden from a public page, and nothing else (configurable): insults and spam, and a
/// customer's own personal data posted in public (an email address, a phone number, an IBAN).
/// A negative opinion is never hidden: the charter has no rule for it, on purpose.
/// </summary>
public sealed partial record ModerationCharter(bool HideInsultsAndSpam = true, bool HidePersonalData = true)
{
    /// <summary>Why a public comment is hidden, or null when it stays visible.</summary>
    public string? HideBecause(string text, SocialClass verdict)
    {
        if (HideInsultsAndSpam && verdict == SocialClass.InsultOrSpam)
        {
            return "insult or spam";
        }
        if (HidePersonalData && PersonalData().Match(text) is { Success: true } found)
        {
            return $"personal data in public ({Kind(found.Value)})";
        }
        return null;
    }

    private static string Kind(string found) => found.Contains('@', StringComparison.Ordinal) ? "email address" : char.IsLetter(found.Trim()[0]) ? "bank account" : "phone number";

    [GeneratedRegex(@"[\w.+-]+@[\w-]+\.[\w.-]+|\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}\b|(?:\+\d{2}|\b0)\d(?:[ .-]?\d{2}){4}\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PersonalData();
}
