using Guichet.Core.Cases;
using System.Globalization;

namespace Guichet.Core.Metrics;

/// <summary>
/// Customer effort (SPEC M2) for a group of cases: totals, the typical waits, and the share of
/// cases touched by each of the five irritants (re-explaining, leaving the website to call, high
/// effort, being transferred, contacting several times).
/// </summary>
public sealed record EffortFigures(
    string Group,
    int Cases,
    int Contacts,
    int RepeatContacts,
    int ChannelSwitches,
    int Transfers,
    int ReExplanations,
    int HotlineRedirects,
    double ContactsPerCase,
    double? FirstHumanAnswerMedianHours,
    double? ResolutionMedianHours,
    double ReExplainedShare,
    double CalledAfterWritingShare,
    double HighEffortShare,
    double TransferredShare,
    double SeveralContactsShare)
{
    public static EffortFigures Of(string group, IReadOnlyCollection<CaseEffort> cases) => Of(group, EffortSums.Of(cases));

    public static EffortFigures Of(string group, EffortSums s) => new(
        group,
        s.Cases,
        s.Contacts,
        s.RepeatContacts,
        s.ChannelSwitches,
        s.Transfers,
        s.ReExplanations,
        s.HotlineRedirects,
        s.Cases == 0 ? 0 : Math.Round(s.Contacts / (double)s.Cases, 2),
        EffortSums.Quantile(s.FirstAnswers, 0.5),
        EffortSums.Quantile(s.Resolutions, 0.5),
        Quantiles.Share(s.ReExplained, s.Cases),
        Quantiles.Share(s.CalledAfterWriting, s.Cases),
        Quantiles.Share(s.HighEffort, s.Cases),
        Quantiles.Share(s.Transferred, s.Cases),
        Quantiles.Share(s.SeveralContacts, s.Cases));

    /// <summary>One row per group, in the group's natural order (periods by date, others by name).</summary>
    public static List<EffortFigures> By(MetricGrouping grouping, IEnumerable<CaseEffort> cases) =>
        cases.GroupBy(c => GroupOf(grouping, c), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Of(g.Key, g.ToList()))
            .ToList();

    /// <summary>The group a case falls in; periods are UTC calendar days, ISO weeks and months, written to sort.</summary>
    public static string GroupOf(MetricGrouping grouping, CaseEffort c) =>
        GroupOf(grouping, DateOnly.FromDateTime(c.CreatedAt.UtcDateTime), c.Team, c.Owner, c.Channel);

    /// <summary>The group of the cases opened on <paramref name="day"/> (UTC) for a team, owner and first channel.</summary>
    public static string GroupOf(MetricGrouping grouping, DateOnly day, string team, string? owner, Channel channel) => grouping switch
    {
        MetricGrouping.Team => team,
        MetricGrouping.Agent => owner ?? "(unassigned)",
        MetricGrouping.Channel => channel.ToWire(),
        MetricGrouping.Day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        MetricGrouping.Week => $"{ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue)):D2}",
        MetricGrouping.Month => day.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => "all",
    };
}
