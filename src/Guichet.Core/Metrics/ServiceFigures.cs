using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Metrics;

/// <summary>
/// Every figure of SPEC M1–M5 for one filter, read once: the dashboard, /api/metrics, the
/// OpenTelemetry gauges and the strike simulation's report all show this, so they never disagree.
/// </summary>
public sealed record ServiceFigures(
    MetricFilter Filter,
    MetricGrouping Grouping,
    EffortFigures Effort,
    IReadOnlyList<EffortFigures> EffortBy,
    IReadOnlyList<ChannelParity> Channels,
    double? ChannelGap,
    PromiseKeeping Promises,
    IReadOnlyList<PromiseKeeping> PromisesByTeam,
    IReadOnlyList<PromiseKeeping> PromisesByOwner,
    PromiseForecast Forecast,
    SurveyFigures Surveys,
    IReadOnlyList<SurveyFigures> SurveysByTeam,
    IReadOnlyList<JourneyFigures> Journeys)
{
    /// <summary>The figures from the day rollups, and from the rows for the days not rolled up yet (issue 29).</summary>
    public static async Task<ServiceFigures> ReadAsync(GuichetDb db, TimeProvider clock, MetricFilter filter, MetricGrouping grouping = MetricGrouping.Team, CancellationToken ct = default) =>
        await FromAsync(db, clock, filter, grouping, await FigureRollups.ReadAsync(db, filter, ct), ct);

    /// <summary>The figures from the rows alone: the full recomputation the rollups are checked against.</summary>
    public static async Task<ServiceFigures> RecomputeAsync(GuichetDb db, TimeProvider clock, MetricFilter filter, MetricGrouping grouping = MetricGrouping.Team, CancellationToken ct = default) =>
        await FromAsync(db, clock, filter, grouping, await FigureParts.ReadLiveAsync(db, filter, ct), ct);

    private static async Task<ServiceFigures> FromAsync(GuichetDb db, TimeProvider clock, MetricFilter filter, MetricGrouping grouping, FigureParts parts, CancellationToken ct)
    {
        var now = clock.Now();
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var agents = await db.Agents.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        string Team(long id) => teams.GetValueOrDefault(id, "?");
        string? Owner(long? id) => id is { } owner ? agents.GetValueOrDefault(owner) : null;

        var effortBy = parts.Effort
            .GroupBy(p => EffortFigures.GroupOf(grouping, p.Key.Day, Team(p.Key.TeamId), Owner(p.Key.OwnerId), p.Key.Channel), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => EffortFigures.Of(g.Key, Sum<EffortSums>(g.Select(p => p.Value), (a, b) => a.Add(b))))
            .ToList();
        var channels = ChannelParity.Of(parts.Effort.GroupBy(p => p.Key.Channel).Select(g => (g.Key, Sum<EffortSums>(g.Select(p => p.Value), (a, b) => a.Add(b)))));
        List<PromiseKeeping> PromisesBy(Func<FigureKey, string> group) => parts.Promises
            .GroupBy(p => group(p.Key), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => PromiseKeeping.Of(g.Key, Sum<PromiseSums>(g.Select(p => p.Value), (a, b) => a.Add(b)), now))
            .ToList();
        var surveysByTeam = parts.Surveys
            .GroupBy(p => Team(p.Key.TeamId), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => SurveyFigures.Of(g.Key, Sum<SurveySums>(g.Select(p => p.Value), (a, b) => a.Add(b))))
            .ToList();
        return new ServiceFigures(
            filter,
            grouping,
            EffortFigures.Of("all", Sum<EffortSums>(parts.Effort.Values, (a, b) => a.Add(b))),
            effortBy,
            channels,
            ChannelParity.Gap(channels),
            PromiseKeeping.Of("all", Sum<PromiseSums>(parts.Promises.Values, (a, b) => a.Add(b)), now),
            PromisesBy(k => Team(k.TeamId)),
            PromisesBy(k => PromiseKeeping.OwnerGroup(Owner(k.OwnerId), Team(k.TeamId))),
            await PromiseForecast.ReadAsync(db, clock, filter.Team, filter.Channel, ct),
            SurveyFigures.Of("all", Sum<SurveySums>(parts.Surveys.Values, (a, b) => a.Add(b))),
            surveysByTeam,
            await JourneyFigures.ReadAsync(db, filter, ct));
    }

    private static T Sum<T>(IEnumerable<T> parts, Action<T, T> add) where T : new()
    {
        var total = new T();
        foreach (var part in parts)
        {
            add(total, part);
        }
        return total;
    }
}
