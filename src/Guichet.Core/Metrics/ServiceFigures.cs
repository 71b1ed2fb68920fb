using Guichet.Core.Data;

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
    public static async Task<ServiceFigures> ReadAsync(GuichetDb db, TimeProvider clock, MetricFilter filter, MetricGrouping grouping = MetricGrouping.Team, CancellationToken ct = default)
    {
        var cases = await CaseEfforts.ReadAsync(db, filter, ct);
        var promises = await PromiseKeeping.ReadAsync(db, clock, filter, cases.ToDictionary(c => c.CaseId, c => c.Team), ct);
        var surveys = await SurveyFigures.ReadAsync(db, filter, ct);
        var channels = ChannelParity.Of(cases);
        return new ServiceFigures(
            filter,
            grouping,
            EffortFigures.Of("all", cases),
            EffortFigures.By(grouping, cases),
            channels,
            ChannelParity.Gap(channels),
            PromiseKeeping.Of("all", promises),
            PromiseKeeping.ByTeam(promises),
            PromiseKeeping.ByOwner(promises),
            await PromiseForecast.ReadAsync(db, clock, filter.Team, filter.Channel, ct),
            SurveyFigures.Of("all", surveys),
            SurveyFigures.ByTeam(surveys),
            await JourneyFigures.ReadAsync(db, filter, ct));
    }
}
