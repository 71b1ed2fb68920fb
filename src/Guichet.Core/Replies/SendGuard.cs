using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Guichet.Core.Replies;

/// <summary>One reason a reply may not leave as it is, with a code and a plain sentence (SPEC Q4).</summary>
public sealed record GuardReason(string Code, string Message, bool Blocking)
{
    /// <summary>What the reason quotes (the fields, the words found…): the workspace says it in the agent's language with them.</summary>
    public IReadOnlyList<string> Args { get; init; } = [];
}

/// <summary>
/// The one check every outgoing path calls before a message leaves (SPEC Q4), returning every
/// reason at once. Blocking: Q1 (an unfilled field), Q2 (a salutation or name that is not the
/// customer's). Warnings, which a team may let agents override with a justification: Q3 (another
/// language than the customer's), C3 (sending the customer to another address, number or channel),
/// P2 (a commitment in the text with no dated promise attached), P4 (excuses in a delay notice),
/// E4 (a template sent unchanged on an escalated, crisis or angry case).
/// </summary>
public static partial class SendGuard
{
    public static IReadOnlyList<GuardReason> Check(string body) => Check(new GuardContext(body));

    public static IReadOnlyList<GuardReason> Check(GuardContext context)
    {
        var body = context.Body;
        var reasons = new List<GuardReason>();
        if (string.IsNullOrWhiteSpace(body))
        {
            reasons.Add(new("Q1.empty", "The reply is empty.", Blocking: true));
            return reasons;
        }
        if (context.EmptyFields.Count > 0)
        {
            var fields = string.Join(", ", context.EmptyFields.Select(f => $"{{{{ {f} }}}}"));
            reasons.Add(new("Q1.field", $"The reply would leave with empty fields: {fields}. Fill them in or give them a value.", Blocking: true) { Args = [fields] });
        }
        var leftovers = LeftoverMarkers().Matches(body).Select(m => m.Value).Distinct(StringComparer.Ordinal).ToList();
        if (leftovers.Count > 0)
        {
            reasons.Add(new("Q1.placeholder", $"The reply still contains unfilled fields: {string.Join(", ", leftovers.Select(l => $"\"{l}\""))}.", Blocking: true) { Args = [string.Join(", ", leftovers)] });
        }
        CheckGreeting(context, reasons);
        if (context.CustomerLanguage is { } expected && LanguageGuess.Surely(body) is { } written && written != expected)
        {
            reasons.Add(new("Q3.language", $"The reply is written in {Name(written)} but the customer's language is {Name(expected)}.", Blocking: false) { Args = [written, expected] });
        }
        var read = Language.RuleText.Of(body);
        if (Redirects.FirstIn(read, context.TeamRedirects) is { } sent)
        {
            reasons.Add(new("C3.redirect", $"The reply sends the customer elsewhere (\"{sent.Written}\"): transfer the case instead and answer here.", Blocking: false) { Args = [sent.Written] });
        }
        if (!context.CarriesPromise && Commitment().Match(body) is { Success: true } promised)
        {
            reasons.Add(new("P2.undated", $"The reply commits to something (\"{promised.Value.Trim()}\") with no dated promise attached: add the promise and its date.", Blocking: false) { Args = [promised.Value.Trim()] });
        }
        if (context.IsDelayNotice && Excuses.FirstIn(read, context.TeamExcuses) is { } excuse)
        {
            reasons.Add(new("P4.excuse", $"A delay notice gives a new date, not an excuse (\"{excuse.Written}\").", Blocking: false) { Args = [excuse.Written] });
        }
        if (context.Crisis is { } crisis)
        {
            CheckCrisis(context, crisis, reasons);
        }
        if (context.TemplateUnchanged && context.SensitiveCase)
        {
            reasons.Add(new("E4.template", "A template sent unchanged on an escalated, crisis or angry case: write to this customer.", Blocking: false));
        }
        return reasons;
    }

    /// <summary>E3: no standard template and no waived fee for a customer caught in a declared crisis (seeds/001: "return your modem or pay").</summary>
    private static void CheckCrisis(GuardContext context, string crisis, List<GuardReason> reasons)
    {
        if (context.StandardTemplate)
        {
            reasons.Add(new("E3.template", $"This customer is caught in the crisis « {crisis} »: answer with the crisis template, not a standard one.", Blocking: true) { Args = [crisis] });
        }
        var text = Words.Padded(context.Body);
        foreach (var (code, label) in context.WaivedFees)
        {
            var named = context.Body.Contains(code, StringComparison.OrdinalIgnoreCase)
                || Words.HasPhrase(text, Words.Phrase(label));
            if (named)
            {
                // A warning, so a team may allow "the fee is waived" in an agent's own words; not overridable by default.
                var fee = $"{code}{(label.Length > 0 ? $" ({label})" : "")}";
                reasons.Add(new("E3.fee", $"The fee {fee} is waived for customers of the crisis « {crisis} »: do not ask for it.", Blocking: false) { Args = [fee, crisis] });
            }
        }
    }

    /// <summary>Q2: "Bonjour Madame" to a "Monsieur", or a first name that is not the customer's ("Brittni").</summary>
    private static void CheckGreeting(GuardContext context, List<GuardReason> reasons)
    {
        if (context.CustomerName is null || Greeting().Match(context.Body) is not { Success: true } greeting)
        {
            return;
        }
        var title = greeting.Groups["title"].Value;
        if (title.Length > 0 && context.CustomerSalutation is { Length: > 0 } salutation && Gender(title) is { } written && Gender(salutation) is { } profile && written != profile)
        {
            reasons.Add(new("Q2.salutation", $"The reply says \"{title}\" but the customer's profile says \"{salutation}\".", Blocking: true) { Args = [title, salutation] });
        }
        var known = Fold(context.CustomerName).Split([' ', '-', '\''], StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var strangers = greeting.Groups["names"].Value.Split([' ', '-', '\''], StringSplitOptions.RemoveEmptyEntries)
            .Where(n => n.Length > 1 && char.IsUpper(n[0]) && !known.Contains(Fold(n)) && !Titles.Contains(Fold(n).TrimEnd('.')))
            .ToList();
        if (strangers.Count > 0)
        {
            reasons.Add(new("Q2.name", $"The reply greets \"{string.Join(" ", strangers)}\" but the customer is {context.CustomerName}.", Blocking: true) { Args = [string.Join(" ", strangers), context.CustomerName] });
        }
    }

    private static readonly HashSet<string> Titles = ["madame", "monsieur", "mme", "m", "mr", "mrs", "ms", "miss", "mademoiselle", "mlle", "dr", "docteur", "maitre", "me", "cher", "chere", "dear", "sir", "madam", "tous", "all", "team", "equipe"];

    private static string? Gender(string title) => Fold(title).TrimEnd('.') switch
    {
        "madame" or "mme" or "mrs" or "ms" or "miss" or "mademoiselle" or "mlle" or "madam" => "f",
        "monsieur" or "m" or "mr" or "sir" => "m",
        _ => null,
    };

    private static string Fold(string text) => Words.Fold(text.Trim());

    private static string Name(string language) => language == "en" ? "English" : "French";

    // Template syntax left in the text, bracketed capitals ([NAME], [NOM]), runs of X, <placeholder>, $FIRSTNAME, %NAME%.
    [GeneratedRegex(@"\{\{.*?(\}\}|$)|\{%.*?(%\}|$)|\[[A-Z_ ]{2,}\]|X{4,}|(?i:<\s*(placeholder|name|nom|prénom|firstname)\s*>)|\$[A-Z_]{3,}|%[A-Z_]{3,}%", RegexOptions.Multiline | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LeftoverMarkers();

    // The first line's greeting: "Bonjour Madame Dupont," / "Dear Mr Smith," / "Hello Brittni!"
    [GeneratedRegex(@"^\s*(?:bonjour|bonsoir|cher|chère|hello|hi|dear|good (?:morning|afternoon|evening))\s+(?:(?<title>madame|monsieur|mme|mrs\.?|mr\.?|ms\.?|miss|m\.)(?=[\s,!:]))?\s*(?<names>[\p{L}' .-]{0,60}?)\s*[,!:\n]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Greeting();

    /// <summary>The text sends the customer to another channel or department (C3): the send guard's warning, and a test journey's failure (M5).</summary>
    public static bool SendsElsewhere(string body) => Redirects.FirstIn(body) is not null;

    [GeneratedRegex(@"nous (vous )?(rappellerons|recontacterons|reviendrons vers vous|enverrons|rembourserons|vous tiendrons informée?s? )|vous (serez rappelée?|recevrez|serez remboursée?)|je (vous )?(rappelle|rappellerai|reviens vers vous|reviendrai vers vous)|we will (call you back|get back to you|send|refund|contact you)|we'll (call you back|get back to you|send|refund)|you will (receive|be refunded|hear from us)|i will (call you back|get back to you)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Commitment();

}
