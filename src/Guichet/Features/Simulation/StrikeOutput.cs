using System.Globalization;
using System.Net;
using System.Text;
using Spectre.Console;

namespace Guichet.Features.Simulation;

/// <summary>
/// The report as a console table and as one self-contained HTML file. Charts are inline SVG,
/// written here: a report that opens anywhere, offline, needs no script (docs/decisions/0008).
/// </summary>
public static class StrikeOutput
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static IReadOnlyList<(string Name, string Value)> Rows(StrikeReport r) =>
    [
        ("Customers", r.Customers.ToString("N0", Inv)),
        ("Contacts (first and repeat, every channel)", r.Contacts.ToString("N0", Inv)),
        ("Follow-ups joined to the customer's open case", r.FollowUpsJoined.ToString("N0", Inv)),
        ("Cases", r.Cases.ToString("N0", Inv)),
        ("Cases per customer problem (max)", $"{r.CasesPerCustomer.ToString("0.00", Inv)} ({r.MaxCasesPerCustomer})"),
        ("Acknowledgments with a concrete date", $"{r.AcknowledgmentsWithDate:N0} / {r.Acknowledgments:N0} ({r.AcknowledgedWithDateShare.ToString("P1", Inv)})"),
        ("First-response promises kept", r.FirstResponseKept.ToString("N0", Inv)),
        ("First-response promises renegotiated (at least once)", r.FirstResponseRenegotiated.ToString("N0", Inv)),
        ("First-response promises broken", r.FirstResponseBroken.ToString("N0", Inv)),
        ("First-response promises still running at the end", r.FirstResponseStillOpen.ToString("N0", Inv)),
        ("Silent breaches", r.SilentBreaches.ToString("N0", Inv)),
        ("Delay notices sent", r.NoticesSent.ToString("N0", Inv)),
        ("Ceiling escalations (lead alerted at 75 %)", r.CeilingAlerts.ToString("N0", Inv)),
        ("Manager approvals past the ceiling", r.CeilingApprovals.ToString("N0", Inv)),
        ("Cases handed to a manager at the ceiling", r.HandedOverAtCeiling.ToString("N0", Inv)),
        ("Dates past the ceiling without approval", r.PastCeilingUnapproved.ToString("N0", Inv)),
        ("Time to first human answer, p50", $"{r.FirstAnswerP50Hours.ToString("0.0", Inv)} h"),
        ("Time to first human answer, p95", $"{r.FirstAnswerP95Hours.ToString("0.0", Inv)} h"),
        ("Cases not answered by the end", r.Unanswered.ToString("N0", Inv)),
        ("Transfers per case (cases transferred, max on one case)", $"{r.TransfersPerCase.ToString("0.00", Inv)} ({r.CasesTransferred:N0}, {r.MaxTransfersPerCase})"),
        ("Customers told of a new named contact", r.ContactChangesTold.ToString("N0", Inv)),
        ("Re-explanations (cases where the customer had to explain again)", $"{r.ReExplanations:N0} ({r.CasesWithReExplanation:N0})"),
        ("Escalations by reason (cases)", r.Escalations is { Count: > 0 } e ? string.Join(", ", e.Select(x => $"{x.Key} {x.Value:N0}")) : "none"),
    ];

    public static void Print(StrikeReport r)
    {
        var o = r.Options;
        var table = new Table().Title($"Strike: {o.Customers:N0} customers, {o.Agents} agents, {o.Days} days, seed {o.Seed}").AddColumns("Figure", "Value");
        foreach (var (name, value) in Rows(r))
        {
            table.AddRow(Markup.Escape(name), Markup.Escape(value));
        }
        AnsiConsole.Write(table);
        foreach (var (title, header, rows) in FigureTables(r))
        {
            var figures = new Table().Title(title).AddColumns(header.Select(Markup.Escape).ToArray());
            foreach (var row in rows)
            {
                figures.AddRow(row.Select(Markup.Escape).ToArray());
            }
            AnsiConsole.Write(figures);
        }
    }

    /// <summary>The dashboard's tables (M1–M4), from the same <see cref="Core.Metrics.ServiceFigures"/>.</summary>
    public static IEnumerable<(string Title, string[] Header, IEnumerable<string[]> Rows)> FigureTables(StrikeReport r)
    {
        if (r.Figures is not { } f)
        {
            yield break;
        }
        static string H(double? hours) => hours is { } h ? $"{h.ToString("0.0", Inv)} h" : "-";
        static string P(double? share) => share is { } s ? s.ToString("P0", Inv) : "-";
        yield return ("Customer effort per week (M2)",
            ["Week", "Cases", "Contacts", "Repeat", "Switches", "Transfers", "Re-explanations", "Redirects", "First answer p50", "Resolution p50", "Re-explained", "Called after writing", "High effort", "Transferred", "Several contacts"],
            f.EffortBy.Append(f.Effort).Select(e => new[] { e.Group, e.Cases.ToString("N0", Inv), e.Contacts.ToString("N0", Inv), e.RepeatContacts.ToString("N0", Inv), e.ChannelSwitches.ToString("N0", Inv),
                e.Transfers.ToString("N0", Inv), e.ReExplanations.ToString("N0", Inv), e.HotlineRedirects.ToString("N0", Inv), H(e.FirstHumanAnswerMedianHours), H(e.ResolutionMedianHours),
                P(e.ReExplainedShare), P(e.CalledAfterWritingShare), P(e.HighEffortShare), P(e.TransferredShare), P(e.SeveralContactsShare) }));
        yield return ("Channel parity (M3)", ["Channel", "Cases", "Answered", "First answer p50", "p90", "Resolved", "Resolution p50", "p90"],
            f.Channels.Select(c => new[] { c.Channel, c.Cases.ToString("N0", Inv), c.Answered.ToString("N0", Inv), H(c.FirstResponseMedianHours), H(c.FirstResponseP90Hours), c.Resolved.ToString("N0", Inv), H(c.ResolutionMedianHours), H(c.ResolutionP90Hours) }));
        yield return ("Promise keeping (M4)", ["Team or owner", "Made", "Open", "Kept", "Renegotiated", "Broken", "Silent breaches", "Kept share"],
            f.PromisesByTeam.Concat(f.PromisesByOwner).Select(p => new[] { p.Group, p.Made.ToString("N0", Inv), p.Open.ToString("N0", Inv), p.Kept.ToString("N0", Inv), p.Renegotiated.ToString("N0", Inv), p.Broken.ToString("N0", Inv), p.SilentBreaches.ToString("N0", Inv), P(p.KeptShare) }));
        yield return ("Surveys after resolution (M1)", ["Team", "Scheduled", "Sent", "Answered", "Cancelled", "Response rate", "CSAT (4-5)", "Effort average"],
            f.SurveysByTeam.Append(f.Surveys).Select(s => new[] { s.Group, s.Scheduled.ToString("N0", Inv), s.Sent.ToString("N0", Inv), s.Answered.ToString("N0", Inv), s.Cancelled.ToString("N0", Inv), P(s.ResponseRate), P(s.CsatShare), s.EffortAverage?.ToString("0.0", Inv) ?? "-" }));
    }

    public static async Task WriteHtmlAsync(StrikeReport r, string path, CancellationToken ct)
    {
        var o = r.Options;
        var html = new StringBuilder();
        html.Append(Inv, $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Guichet strike simulation, seed {{o.Seed}}</title>
            <style>body{font:15px/1.45 system-ui,sans-serif;max-width:960px;margin:2rem auto;color:#1d2430}table{border-collapse:collapse}td,th{padding:.3rem .7rem;border-bottom:1px solid #d9dee7;text-align:left}td:last-child{text-align:right;font-variant-numeric:tabular-nums}h2{margin-top:2rem}svg text{font-size:11px;fill:#5b6474}</style>
            </head><body>
            <h1>Strike simulation</h1>
            <p>{{o.Customers:N0}} customers, {{o.Agents}} agents handling {{o.CasesPerAgentHour.ToString("0.#", Inv)}} cases an hour each in business hours, {{o.Days}} days from {{o.Start:yyyy-MM-dd}}, seed {{o.Seed}}. Every contact went through Guichet's own operations and promise watcher on a fresh database.</p>
            <table>
            """);
        foreach (var (name, value) in Rows(r))
        {
            html.Append(Inv, $"<tr><td>{WebUtility.HtmlEncode(name)}</td><td>{WebUtility.HtmlEncode(value)}</td></tr>\n");
        }
        html.Append("</table>\n");
        foreach (var (title, header, rows) in FigureTables(r))
        {
            html.Append(Inv, $"<h2>{WebUtility.HtmlEncode(title)}</h2>\n<table><tr>{string.Concat(header.Select(h => $"<th>{WebUtility.HtmlEncode(h)}</th>"))}</tr>\n");
            foreach (var row in rows)
            {
                html.Append(Inv, $"<tr>{string.Concat(row.Select(c => $"<td>{WebUtility.HtmlEncode(c)}</td>"))}</tr>\n");
            }
            html.Append("</table>\n");
        }
        html.Append(Chart("Contacts per day", r.Days, d => d.Contacts, "#7a8ba6"));
        html.Append(Chart("Human answers per day", r.Days, d => d.Answers, "#1f5fbf"));
        html.Append(Chart("Delay notices per day (new date given before the old one lapsed)", r.Days, d => d.Notices, "#a35d00"));
        html.Append(Chart("Cases waiting for a first answer, end of day", r.Days, d => d.WaitingAtEnd, "#b3261e"));
        html.Append("</body></html>\n");
        await File.WriteAllTextAsync(path, html.ToString(), ct);
    }

    private static string Chart(string title, IReadOnlyList<StrikeReport.Day> days, Func<StrikeReport.Day, int> value, string colour)
    {
        const int width = 900, height = 180, left = 50, bottom = 20;
        var max = Math.Max(1, days.Count == 0 ? 1 : days.Max(value));
        var bar = days.Count == 0 ? 0 : (width - left) / (double)days.Count;
        var svg = new StringBuilder();
        svg.Append(Inv, $"<h2>{WebUtility.HtmlEncode(title)}</h2>\n<svg width=\"{width}\" height=\"{height + bottom}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(title)}\">\n");
        svg.Append(Inv, $"<text x=\"0\" y=\"12\">{max:N0}</text><text x=\"0\" y=\"{height}\">0</text>\n");
        for (var i = 0; i < days.Count; i++)
        {
            var h = value(days[i]) * (height - 10) / (double)max;
            svg.Append(Inv, $"<rect x=\"{(left + (i * bar)).ToString("0.#", Inv)}\" y=\"{(height - h).ToString("0.#", Inv)}\" width=\"{Math.Max(1, bar - 2).ToString("0.#", Inv)}\" height=\"{h.ToString("0.#", Inv)}\" fill=\"{colour}\"><title>{days[i].Date:yyyy-MM-dd}: {value(days[i]):N0}</title></rect>\n");
            if (i % 5 == 0)
            {
                svg.Append(Inv, $"<text x=\"{(left + (i * bar)).ToString("0.#", Inv)}\" y=\"{height + 15}\">{days[i].Date:MM-dd}</text>\n");
            }
        }
        svg.Append("</svg>\n");
        return svg.ToString();
    }
}
