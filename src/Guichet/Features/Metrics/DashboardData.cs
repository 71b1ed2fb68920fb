using Guichet.Core;
using Guichet.Core.Cases;
using Guichet.Core.Data;
using Guichet.Core.Metrics;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Metrics;

/// <summary>The dashboard: every figure for the filter asked (or the default one when it was invalid, with why).</summary>
public sealed record DashboardData(ServiceFigures Figures, IReadOnlyList<Core.Teams.Team> Teams, IReadOnlyList<string> Errors, string From, string To, string Query, DateTimeOffset Now)
{
    public static async Task<DashboardData> ReadAsync(HttpContext http, GuichetDb db, TimeProvider clock, IReadOnlyDictionary<string, string?> values, CancellationToken ct)
    {
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);
        var parsed = await MetricQuery.ParseAsync(name => values.GetValueOrDefault(name), db, clock, ct);
        List<string> errors = [];
        if (!parsed.Succeeded)
        {
            errors = Forms.Messages(parsed.Failure!);
            parsed = await MetricQuery.ParseAsync(_ => null, db, clock, ct);
        }
        var query = parsed.Value;
        var figures = await ServiceFigures.ReadAsync(db, clock, query.Filter, query.Grouping, ct);
        figures = figures with { Forecast = await figures.Forecast.SeenByAsync(db, await http.CurrentAgentAsync(db), ct) };
        var from = query.Filter.From.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var to = query.Filter.To.AddTicks(-1).UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var link = string.Join("&", new[] { ("from", from), ("to", to), ("team", query.Filter.Team), ("channel", query.Filter.Channel?.ToWire()), ("by", query.Grouping.ToWire()) }
            .Where(p => p.Item2 is not null).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
        return new DashboardData(figures, teams, errors, from, to, link, clock.GetUtcNow());
    }
}
