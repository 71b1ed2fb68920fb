using System.Text.RegularExpressions;

namespace Guichet.Core.Email;

/// <summary>
/// Finds where a reply's quoted history starts, so the agent reads what is new and opens the rest
/// on demand: from an attribution line ("Le … a écrit :", "On … wrote:", Outlook's "De : … / From: …"
/// block, "-----Original Message-----"), or from a "&gt;" quote that runs to the end. A quote
/// interleaved with answers is not folded: the answers would be hidden.
/// </summary>
public static partial class QuotedHistory
{
    public sealed record Parts(string Fresh, string? Quoted);

    public static Parts Split(string body)
    {
        var lines = body.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 1; i < lines.Length; i++)
        {
            if (Attribution().IsMatch(lines[i]) || (OutlookHeader().IsMatch(lines[i]) && i + 1 < lines.Length && OutlookSecond().IsMatch(lines[i + 1])) || QuotesToTheEnd(lines, i))
            {
                var fresh = string.Join('\n', lines[..i]).TrimEnd();
                return fresh.Length == 0 ? new Parts(body, null) : new Parts(fresh, string.Join('\n', lines[i..]).Trim());
            }
        }
        return new Parts(body, null);
    }

    private static bool QuotesToTheEnd(string[] lines, int from) =>
        lines[from].StartsWith('>') && lines[from..].All(l => l.Length == 0 || l.StartsWith('>') || l.TrimEnd() == "--" || l.StartsWith("-- ", StringComparison.Ordinal));

    [GeneratedRegex(@"^\s*(Le .{4,200}a écrit\s?:|On .{4,200}wrote:|Am .{4,200}schrieb .{0,100}:|-{2,}\s*(Original Message|Message d'origine|Message original|Ursprüngliche Nachricht)\s*-{2,})\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Attribution();

    [GeneratedRegex(@"^\s*(De|From|Von)\s?:\s.+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex OutlookHeader();

    [GeneratedRegex(@"^\s*(Envoyé|Sent|Date|Gesendet|À|To)\s?:\s.+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex OutlookSecond();
}
