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
    public static SurveyFigures Of(string group, SurveySums s)
    {
        var csat = SurveySums.Scores(s.Csat, s.OtherCsat).ToList();
        var effort = SurveySums.Scores(s.Effort, s.OtherEffort).ToList();
        return new(group,
            s.Scheduled,
            s.Sent,
            s.Answered,
            s.Cancelled,
            Quantiles.Share(s.Answered, s.Sent),
            csat.Count == 0 ? null : Math.Round(csat.Average(), 2),
            csat.Count == 0 ? null : Quantiles.Share(csat.Count(x => x >= 4), csat.Count),
            effort.Count == 0 ? null : Math.Round(effort.Average(), 2),
            effort.Count == 0 ? null : Quantiles.Share(effort.Count(x => x >= CaseEffort.HighSaidEffort), effort.Count),
            [.. Enumerable.Range(1, 5).Select(n => csat.Count(x => x == n))],
            [.. Enumerable.Range(1, 7).Select(n => effort.Count(x => x == n))]);
    }
}
