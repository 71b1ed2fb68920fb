using System.Collections.Concurrent;
using System.Globalization;
using Guichet.Core.Cases;

namespace Guichet.Core.Automations;

/// <summary>
/// The fields a rule's conditions compare (W7) and how: every condition must hold. Words are
/// matched as whole words or phrases, accents and case folded ("remboursement", "mise en demeure").
/// Custom fields are named "field.KEY".
/// </summary>
public static class RuleConditions
{
    public const string FieldPrefix = "field.";

    /// <summary>Each field with the comparisons it allows.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Fields = new Dictionary<string, string[]>
    {
        ["channel"] = ["is", "isNot"],
        ["team"] = ["is", "isNot"],
        ["priority"] = ["is", "isNot", "atLeast", "below"],
        ["status"] = ["is", "isNot"],
        ["owner"] = ["is", "isNot"],
        ["tier"] = ["is", "isNot"],
        ["organisation"] = ["is", "isNot"],
        ["tag"] = ["has", "hasNot"],
        ["tagAdded"] = ["is"],
        ["language"] = ["is", "isNot"],
        ["words"] = ["any", "none"],
        ["hours"] = ["is"],
    };

    public static readonly string[] FieldOps = ["is", "isNot", "contains", "empty", "filled"];

    public static string[]? OpsFor(string field) =>
        field.StartsWith(FieldPrefix, StringComparison.Ordinal) ? FieldOps : Fields.GetValueOrDefault(field);

    public static bool Hold(IEnumerable<RuleCondition> conditions, RuleSubject subject) => conditions.All(c => Holds(c, subject));

    public static bool Holds(RuleCondition c, RuleSubject s)
    {
        if (c.Field.StartsWith(FieldPrefix, StringComparison.Ordinal))
        {
            var has = s.Fields.TryGetValue(c.Field[FieldPrefix.Length..], out var value);
            return c.Op switch
            {
                "empty" => !has,
                "filled" => has,
                "contains" => has && value!.Contains(c.Value, StringComparison.OrdinalIgnoreCase),
                "isNot" => !(has && string.Equals(value, c.Value, StringComparison.OrdinalIgnoreCase)),
                _ => has && string.Equals(value, c.Value, StringComparison.OrdinalIgnoreCase),
            };
        }
        return c.Field switch
        {
            "channel" => Is(c, s.Channel.ToWire()),
            "team" => Is(c, s.TeamId.ToString(CultureInfo.InvariantCulture)),
            "priority" => Priority(c, s.Priority),
            "status" => Is(c, s.Status.ToWire()),
            "owner" => c.Op == "isNot" ^ c.Value switch
            {
                "none" => s.OwnerId is null,
                "any" => s.OwnerId is not null,
                _ => s.OwnerId is { } owner && owner.ToString(CultureInfo.InvariantCulture) == c.Value,
            },
            "tier" => Is(c, s.Tier),
            "organisation" => c.Op == "isNot" ^ (long.TryParse(c.Value, CultureInfo.InvariantCulture, out var org) && s.Organisations.Contains(org)),
            "tag" => c.Op == "hasNot" ^ s.Tags.Contains(c.Value),
            // The tag this change put on (a rule on "tags changed"), not one the case had before.
            "tagAdded" => s.TagsAdded?.Contains(c.Value) == true,
            "language" => Is(c, s.Language),
            "words" => c.Op == "none" ^ AnyWord(c.Value, s.Words),
            "hours" => (c.Value == "open") == s.Calendar.IsOpen(s.At.ToInstant()),
            _ => false,
        };
    }

    private static bool Is(RuleCondition c, string actual) => c.Op == "isNot" ^ string.Equals(actual, c.Value, StringComparison.OrdinalIgnoreCase);

    private static bool Priority(RuleCondition c, CasePriority actual) =>
        WireNames.TryParseWire<CasePriority>(c.Value, out var wanted) && c.Op switch
        {
            "atLeast" => actual >= wanted,
            "below" => actual < wanted,
            "isNot" => actual != wanted,
            _ => actual == wanted,
        };

    /// <summary>Any of the comma-separated words or phrases in the text (folded once, <see cref="RuleSubject.Words"/>); no text (a change, a time) holds none.</summary>
    public static bool AnyWord(string words, string? padded) =>
        !string.IsNullOrEmpty(padded) && Phrases.GetOrAdd(words, Fold).Any(phrase => Words.HasPhrase(padded, phrase));

    // A rule's words folded once, not once per message: a hundred rules over a busy intake.
    private static readonly ConcurrentDictionary<string, string[]> Phrases = new(StringComparer.Ordinal);

    private static string[] Fold(string words) =>
        [.. words.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Words.Phrase).Where(p => p.Length > 0)];
}
