using Guichet.Core.Data;
using Guichet.Core.Surveys;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Metrics;

/// <summary>
/// What customers said after resolution (SPEC M1) about the cases a filter covers: surveys sent
/// and answered, satisfaction (average, and the CSAT share: 4 or 5 of 5), effort (average, and the
/// share who found it hard: 5 to 7 of 7), and each score's count for the charts.
/// </summary>
public sealed record SurveyFigures(
    string Group,
    int Scheduled,
    int Sent,
    int Answered,
    int Cancelled,
    double ResponseRate,
    double? CsatAverage,
    double? CsatShare,
    double? EffortAverage,
    double? HardShare,
    IReadOnlyList<int> CsatCounts,
    IReadOnlyList<int> EffortCounts)
{
    public sealed record Row(string Team, SurveyState State, int? Csat, int? Effort);

    public static Task<List<Row>> ReadAsync(GuichetDb db, MetricFilter filter, CancellationToken ct = default) =>
        db.Cases.AsNoTracking().Covered(filter)
            .Join(db.Surveys, c => c.Id, s => s.CaseId, (c, s) => new Row(c.Team.Name, s.State, s.Csat, s.Effort))
            .ToListAsync(ct);

    public static SurveyFigures Of(string group, IReadOnlyCollection<Row> rows)
    {
        var csat = rows.Where(r => r.Csat is not null).Select(r => r.Csat!.Value).ToList();
        var effort = rows.Where(r => r.Effort is not null).Select(r => r.Effort!.Value).ToList();
        var answered = rows.Count(r => r.State == SurveyState.Answered);
        var sent = rows.Count(r => r.State is SurveyState.Sent or SurveyState.Answered);
        return new(group,
            rows.Count(r => r.State == SurveyState.Scheduled),
            sent,
            answered,
            rows.Count(r => r.State == SurveyState.Cancelled),
            Quantiles.Share(answered, sent),
            csat.Count == 0 ? null : Math.Round(csat.Average(), 2),
            csat.Count == 0 ? null : Quantiles.Share(csat.Count(s => s >= 4), csat.Count),
            effort.Count == 0 ? null : Math.Round(effort.Average(), 2),
            effort.Count == 0 ? null : Quantiles.Share(effort.Count(s => s >= CaseEffort.HighSaidEffort), effort.Count),
            [.. Enumerable.Range(1, 5).Select(n => csat.Count(s => s == n))],
            [.. Enumerable.Range(1, 7).Select(n => effort.Count(s => s == n))]);
    }

    public static List<SurveyFigures> ByTeam(IEnumerable<Row> rows) =>
        rows.GroupBy(r => r.Team, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Of(g.Key, g.ToList())).ToList();
}
