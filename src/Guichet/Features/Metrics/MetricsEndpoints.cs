using Guichet.Features.Permissions;
using Guichet.Hosting.Web;
using Guichet.Core.Data;
using Guichet.Core.Metrics;

namespace Guichet.Features.Metrics;

/// <summary>
/// /api/metrics: the figures of SPEC M1–M4 as JSON, each table also as CSV (format=csv), all
/// read by <see cref="ServiceFigures"/> like the dashboard. Filters: from, to, team, channel, by.
/// </summary>
public static class MetricsEndpoints
{
    public sealed record EffortTable(MetricFilter Filter, MetricGrouping Grouping, EffortFigures Total, IReadOnlyList<EffortFigures> Rows);
    public sealed record ChannelTable(MetricFilter Filter, double? Gap, IReadOnlyList<ChannelParity> Rows);
    public sealed record PromiseTable(MetricFilter Filter, PromiseKeeping Total, IReadOnlyList<PromiseKeeping> Rows);
    public sealed record SurveyTable(MetricFilter Filter, SurveyFigures Total, IReadOnlyList<SurveyFigures> Rows);
    public sealed record JourneyTable(MetricFilter Filter, IReadOnlyList<JourneyFigures> Rows);

    /// <summary>Figures per team and per agent are for those who lead them.</summary>

    public static RouteGroupBuilder MapMetrics(this RouteGroupBuilder api)
    {
        api.MapGet("/metrics/promises", async (GuichetDb db, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await PromiseCounts.ReadAsync(db, clock, ct)))
            .WithTags("Metrics")
            .WithSummary("Promises open, kept, renegotiated, broken, and silently breached (running past due; target 0, SPEC P6).");

        var metrics = api.MapGroup("/metrics").WithTags("Metrics").RequireAuthorization(Access.Oversee);
        metrics.MapGet("/", (HttpContext http, GuichetDb db, TimeProvider clock) => Figures(http, db, clock, f => Results.Ok(f)))
            .Produces<ServiceFigures>()
            .WithSummary("Every figure for the filter (from, to, team, channel; by = all|team|agent|channel|day|week|month): effort, channel parity, promise keeping with the 24 h forecast, surveys.");
        metrics.MapGet("/effort", (HttpContext http, GuichetDb db, TimeProvider clock) =>
                Figures(http, db, clock, f => Table(http, "effort", f.EffortBy, new EffortTable(f.Filter, f.Grouping, f.Effort, f.EffortBy))))
            .Produces<EffortTable>().ProducesFile("text/csv")
            .WithSummary("Customer effort (M2) per group: contacts, repeat contacts, channel switches, transfers, re-explanations, hotline redirects, median waits, the five irritants' shares. format=csv for a file.");
        metrics.MapGet("/channels", (HttpContext http, GuichetDb db, TimeProvider clock) =>
                Figures(http, db, clock, f => Table(http, "channels", f.Channels, new ChannelTable(f.Filter, f.ChannelGap, f.Channels))))
            .Produces<ChannelTable>().ProducesFile("text/csv")
            .WithSummary("Channel parity (M3): first response and resolution times per channel, side by side. format=csv for a file.");
        metrics.MapGet("/promise-keeping", (HttpContext http, GuichetDb db, TimeProvider clock) =>
                Figures(http, db, clock, f =>
                {
                    var byOwner = string.Equals(http.Request.Query["by"], "agent", StringComparison.OrdinalIgnoreCase);
                    var rows = byOwner ? f.PromisesByOwner : f.PromisesByTeam;
                    return Table(http, "promise-keeping", rows, new PromiseTable(f.Filter, f.Promises, rows));
                }))
            .Produces<PromiseTable>().ProducesFile("text/csv")
            .WithSummary("Promise keeping (M4) per team, or per owner with by=agent: made, open, kept, renegotiated, broken, silent breaches. format=csv for a file.");
        metrics.MapGet("/promises/forecast", (HttpContext http, GuichetDb db, TimeProvider clock) =>
                Figures(http, db, clock, f => Table(http, "forecast", f.Forecast.Promises, f.Forecast)))
            .Produces<PromiseForecast>().ProducesFile("text/csv")
            .WithSummary("Promises falling due in the next 24 hours (M4), with their count per hour. format=csv for a file.");
        metrics.MapGet("/surveys", (HttpContext http, GuichetDb db, TimeProvider clock) =>
                Figures(http, db, clock, f => Table(http, "surveys", f.SurveysByTeam, new SurveyTable(f.Filter, f.Surveys, f.SurveysByTeam))))
            .Produces<SurveyTable>().ProducesFile("text/csv")
            .WithSummary("Surveys after resolution (M1) per team: sent, answered, satisfaction and effort. format=csv for a file.");
        metrics.MapGet("/journeys", (HttpContext http, GuichetDb db, TimeProvider clock) =>
                Figures(http, db, clock, f => Table(http, "journeys", f.Journeys, new JourneyTable(f.Filter, f.Journeys))))
            .Produces<JourneyTable>().ProducesFile("text/csv")
            .WithSummary("Test journeys (M5) over the runs started in the period: passed, failed, running, the latest run and what failed. format=csv for a file.");
        metrics.MapGet("/cases/{id:long}", async (long id, GuichetDb db, CancellationToken ct) =>
                await CaseEfforts.OfCaseAsync(db, id, ct) is { } effort ? Results.Ok(effort) : Problems.Field(404, "Not found", "id", $"There is no case {id}."))
            .Produces<CaseEffort>()
            .WithSummary("One case's effort (M2): contacts, switches, transfers, re-explanations, redirects, waits.");
        return api;
    }

    private static async Task<IResult> Figures(HttpContext http, GuichetDb db, TimeProvider clock, Func<ServiceFigures, IResult> answer)
    {
        var query = await MetricQuery.ParseAsync(name => http.Request.Query[name].FirstOrDefault(), db, clock, http.RequestAborted);
        if (!query.Succeeded)
        {
            return Problems.From(query.Failure!);
        }
        var figures = await ServiceFigures.ReadAsync(db, clock, query.Value.Filter, query.Value.Grouping, http.RequestAborted);
        return answer(figures with { Forecast = await figures.Forecast.SeenByAsync(db, await http.CurrentAgentAsync(db), http.RequestAborted) });
    }

    private static IResult Table<T>(HttpContext http, string name, IEnumerable<T> rows, object json) =>
        string.Equals(http.Request.Query["format"], "csv", StringComparison.OrdinalIgnoreCase) ? CsvTable.Result(rows, name) : Results.Ok(json);
}
