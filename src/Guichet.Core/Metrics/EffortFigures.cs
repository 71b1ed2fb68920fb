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
    public static EffortFigures Of(string group, IReadOnlyCollection<CaseEffort> cases) => new(
        group,
        cases.Count,
        cases.Sum(c => c.Contacts),
        cases.Sum(c => c.RepeatContacts),
        cases.Sum(c => c.ChannelSwitches),
        cases.Sum(c => c.Transfers),
        cases.Sum(c => c.ReExplanations),
        cases.Sum(c => c.HotlineRedirects),
        cases.Count == 0 ? 0 : Math.Round(cases.Sum(c => c.Contacts) / (double)cases.Count, 2),
        Quantiles.Of(cases.Select(c => c.FirstHumanAnswerHours), 0.5),
        Quantiles.Of(cases.Select(c => c.ResolutionHours), 0.5),
        Quantiles.Share(cases.Count(c => c.ReExplained), cases.Count),
        Quantiles.Share(cases.Count(c => c.CalledAfterWritingOnline), cases.Count),
        Quantiles.Share(cases.Count(c => c.HighEffort), cases.Count),
        Quantiles.Share(cases.Count(c => c.Transferred), cases.Count),
        Quantiles.Share(cases.Count(c => c.SeveralContacts), cases.Count));

    /// <summary>One row per group, in the group's natural order (periods by date, others by name).</summary>
    public static List<EffortFigures> By(MetricGrouping grouping, IEnumerable<CaseEffort> cases) =>
        cases.GroupBy(c => GroupOf(grouping, c), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Of(g.Key, g.ToList()))
            .ToList();

    /// <summary>The group a case falls in; periods are UTC calendar days, ISO weeks and months, written to sort.</summary>
    public static string GroupOf(MetricGrouping grouping, CaseEffort c) => grouping switch
    {
        MetricGrouping.Team => c.Team,
        MetricGrouping.Agent => c.Owner ?? "(unassigned)",
        MetricGrouping.Channel => c.Channel.ToWire(),
        MetricGrouping.Day => c.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        MetricGrouping.Week => $"{ISOWeek.GetYear(c.CreatedAt.UtcDateTime)}-W{ISOWeek.GetWeekOfYear(c.CreatedAt.UtcDateTime):D2}",
        MetricGrouping.Month => c.CreatedAt.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => "all",
    };
}
