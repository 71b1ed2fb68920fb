using System.Text.RegularExpressions;

namespace Guichet.Core.Surveys;

/// <summary>
/// An email reply to the survey, read as an answer when it starts with the scores: "4", "4 2",
/// "4/5, 2/7", "satisfaction 4 effort 2 - thanks". The first number is satisfaction (1–5), a
/// second one effort (1–7); what follows is the comment. A reply that starts with prose is not an
/// answer: it is the customer writing again about their case, and it reopens it.
/// </summary>
public static partial class SurveyReply
{
    public sealed record Scores(int Csat, int? Effort, string? Comment);

    public static Scores? Read(string text)
    {
        var match = Leading().Match(text);
        if (!match.Success)
        {
            return null;
        }
        var csat = int.Parse(match.Groups["csat"].Value, System.Globalization.CultureInfo.InvariantCulture);
        int? effort = match.Groups["effort"].Success ? int.Parse(match.Groups["effort"].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
        if (csat is < 1 or > 5 || effort is < 1 or > 7)
        {
            return null;
        }
        var rest = text[match.Length..].Trim().TrimStart('-', '–', '—', ':', ',', '.', ';').Trim();
        return new Scores(csat, effort, rest.Length == 0 ? null : rest);
    }

    // Optional labels before each number ("satisfaction :", "note", "effort"), an optional "/5" or "/7".
    [GeneratedRegex(@"^\s*(?:(?:satisfaction|note|score|csat)\s*[:=]?\s*)?(?<csat>\d)\s*(?:/\s*5)?(?:\s*[,;/]?\s*(?:(?:effort|ces|facilit[ée])\s*[:=]?\s*)?(?<effort>\d)\s*(?:/\s*7)?)?(?=\s|$|[.,;!-])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Leading();
}
