using System.Text.RegularExpressions;
using Guichet.Core.Cases;
using Microsoft.Extensions.Localization;

namespace Guichet.Components.Shared;

/// <summary>
/// Why a case was escalated, in the reader's language (issue 24: the French workspace showed the
/// English reason the API keeps). Said from the signals' codes; the customer's own words quoted in
/// the reason are quoted again, untranslated.
/// </summary>
public static partial class EscalationWords
{
    public static string Of(Case c, IStringLocalizer<SharedWords> words)
    {
        var quoted = Quoted().Match(c.EscalationReason ?? "") is { Success: true } m ? $" : « {m.Groups[1].Value} »" : "";
        var said = c.EscalationCodes.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(code => Code(code, words)).Distinct().ToList();
        return said.Count == 0 ? c.EscalationReason ?? "" : string.Join(" · ", said) + quoted;
    }

    /// <summary>An escalation event's detail (<c>[code] reason [code] reason…</c>), each signal in the reader's words.</summary>
    public static string OfDetail(string? detail, IStringLocalizer<SharedWords> words)
    {
        var parts = Signals().Matches(detail ?? "");
        return parts.Count == 0 ? detail ?? "" : string.Join(" · ", parts.Select(p =>
            Code(p.Groups["code"].Value, words) + (Quoted().Match(p.Groups["reason"].Value) is { Success: true } q ? $" : « {q.Groups[1].Value} »" : "")));
    }

    private static string Code(string code, IStringLocalizer<SharedWords> words) =>
        words["escCode." + code] is { ResourceNotFound: false } known ? known.Value
        : code.StartsWith("E2.", StringComparison.Ordinal) ? words["escCode.major", code["E2.".Length..]].Value
        : code;

    [GeneratedRegex(@"\[(?<code>[^\]]+)\] (?<reason>[^\[]*)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Signals();

    [GeneratedRegex("« (.+?) »", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Quoted();
}
