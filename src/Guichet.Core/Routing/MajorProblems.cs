namespace Guichet.Core.Routing;

/// <summary>
/// A team's major problems (SPEC E2), in a readable form edited with the team: one per line,
/// <c>code | lead or manager | term, term…</c>. Terms match whole words, without accents or case.
/// </summary>
public sealed record MajorProblems(IReadOnlyList<MajorProblems.Rule> Rules)
{
    public sealed record Rule(string Code, EscalationLevel Level, IReadOnlyList<string> Terms);

    public const string Default = """
        lost-parcel | lead | colis perdu, colis egare, colis introuvable, lost parcel, lost package, missing parcel
        lost-baggage | lead | bagage perdu, bagages perdus, valise perdue, valise egaree, lost luggage, lost baggage, lost suitcase, missing luggage
        safety | manager | danger, dangereux, incendie, fuite de gaz, electrocution, blesse, blessee, blessure, brulure, fire, gas leak, injured, injury, unsafe, electric shock
        legal | manager | avocat, tribunal, mise en demeure, plainte, poursuites, lawyer, attorney, court, lawsuit, legal action, sue
        """;

    public static Result<MajorProblems> Parse(string? text)
    {
        var rules = new List<Rule>();
        var lines = (text ?? "").Split(['\n', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var line in lines)
        {
            var parts = line.Split('|', StringSplitOptions.TrimEntries);
            if (parts.Length != 3 || parts[0].Length == 0 || !parts[0].All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                return Failure.Invalid("majorProblems", $"« {line} » is not « code | lead or manager | term, term… » (code in lowercase letters, digits and dashes).");
            }
            var level = parts[1].ToLowerInvariant() switch
            {
                "lead" => EscalationLevel.Lead,
                "manager" => EscalationLevel.Manager,
                _ => EscalationLevel.None,
            };
            if (level == EscalationLevel.None)
            {
                return Failure.Invalid("majorProblems", $"« {parts[1]} » is not a level: write lead or manager.");
            }
            var terms = parts[2].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(Words.Phrase).Where(t => t.Length > 0).ToList();
            if (terms.Count == 0)
            {
                return Failure.Invalid("majorProblems", $"The problem « {parts[0]} » has no terms.");
            }
            rules.Add(new(parts[0], level, terms));
        }
        return new MajorProblems(rules);
    }
}
