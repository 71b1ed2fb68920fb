using System.Diagnostics.Metrics;
using Guichet.Core.Data;
using Guichet.Core.Metrics;
using Guichet.Hosting;

namespace Guichet.Features.Metrics;

/// <summary>
/// The dashboard's figures as OpenTelemetry gauges (meter "Guichet"), for the last 30 days per
/// team and channel, and the promise counts of /api/metrics/promises. Gauges are read on the
/// collector's schedule and must not query; a pass of the due work refreshes the snapshot they
/// read (every minute, and after the test clock moves). Same numbers as /api/metrics: same code.
/// </summary>
public sealed class ServiceMeter : PeriodicDueWork
{
    public const string MeterName = "Guichet";

    private volatile Snapshot? _snapshot;

    private sealed record Snapshot(ServiceFigures Figures, PromiseCounts Counts);

    public ServiceMeter(IServiceScopeFactory scopes, IMeterFactory meters, ILogger<ServiceMeter> logger) : base(scopes, TimeSpan.FromMinutes(1), logger)
    {
        Meter = meters.Create(MeterName);
        Meter.CreateObservableGauge("guichet.promises", () => Read(s => new[]
        {
            Measure(s.Counts.Open, ("state", "open")),
            Measure(s.Counts.Kept, ("state", "kept")),
            Measure(s.Counts.Renegotiated, ("state", "renegotiated")),
            Measure(s.Counts.Broken, ("state", "broken")),
            Measure(s.Counts.SilentBreaches, ("state", "silentBreach")),
        }), "{promise}", "Promises by state, all time (CONTRACT /api/metrics/promises); silent breaches aim at zero.");
        Meter.CreateObservableGauge("guichet.promises.due_next_24h", () => Read(s => new[] { Measure(s.Figures.Forecast.Promises.Count) }), "{promise}", "Promises falling due in the next 24 hours (M4).");
        Meter.CreateObservableGauge("guichet.promise_keeping.kept_share", () => Read(s => s.Figures.PromisesByTeam.Where(r => r.KeptShare is not null).Select(r => Measure(r.KeptShare!.Value, ("team", r.Group)))), "1", "Share of settled promises kept, last 30 days, per team (M4).");
        Meter.CreateObservableGauge("guichet.promise_keeping.silent_breaches", () => Read(s => s.Figures.PromisesByTeam.Select(r => Measure(r.SilentBreaches, ("team", r.Group)))), "{promise}", "Silent breaches of promises made in the last 30 days, per team (M4).");
        Meter.CreateObservableGauge("guichet.effort.cases", () => Read(s => s.Figures.EffortBy.Select(r => Measure(r.Cases, ("team", r.Group)))), "{case}", "Cases customers opened in the last 30 days, per team (M2).");
        Meter.CreateObservableGauge("guichet.effort.contacts_per_case", () => Read(s => s.Figures.EffortBy.Select(r => Measure(r.ContactsPerCase, ("team", r.Group)))), "{contact}", "Customer contacts per case, last 30 days, per team (M2).");
        Meter.CreateObservableGauge("guichet.effort.irritant_share", () => Read(s => s.Figures.EffortBy.SelectMany(r => new[]
        {
            Measure(r.ReExplainedShare, ("team", r.Group), ("irritant", "reExplained")),
            Measure(r.CalledAfterWritingShare, ("team", r.Group), ("irritant", "calledAfterWriting")),
            Measure(r.HighEffortShare, ("team", r.Group), ("irritant", "highEffort")),
            Measure(r.TransferredShare, ("team", r.Group), ("irritant", "transferred")),
            Measure(r.SeveralContactsShare, ("team", r.Group), ("irritant", "severalContacts")),
        })), "1", "Share of cases touched by each of the five irritants, last 30 days, per team (M2).");
        Meter.CreateObservableGauge("guichet.channel.first_response_median", () => Read(s => s.Figures.Channels.Where(r => r.FirstResponseMedianHours is not null).Select(r => Measure(r.FirstResponseMedianHours!.Value, ("channel", r.Channel)))), "h", "Median time to the first human answer per channel, last 30 days (M3).");
        Meter.CreateObservableGauge("guichet.channel.resolution_median", () => Read(s => s.Figures.Channels.Where(r => r.ResolutionMedianHours is not null).Select(r => Measure(r.ResolutionMedianHours!.Value, ("channel", r.Channel)))), "h", "Median time to resolution per channel, last 30 days (M3).");
        Meter.CreateObservableGauge("guichet.surveys.csat_share", () => Read(s => s.Figures.SurveysByTeam.Where(r => r.CsatShare is not null).Select(r => Measure(r.CsatShare!.Value, ("team", r.Group)))), "1", "Share of survey answers at 4 or 5 of 5, last 30 days, per team (M1).");
        Meter.CreateObservableGauge("guichet.surveys.response_rate", () => Read(s => s.Figures.SurveysByTeam.Select(r => Measure(r.ResponseRate, ("team", r.Group)))), "1", "Share of sent surveys answered, last 30 days, per team (M1).");
    }

    public Meter Meter { get; }

    protected override string Name => "Metrics snapshot";

    public override DueStage Stage => DueStage.Measures;

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<GuichetDb>();
        var clock = services.GetRequiredService<TimeProvider>();
        var figures = await ServiceFigures.ReadAsync(db, clock, MetricFilter.LastDays(clock.GetUtcNow()), MetricGrouping.Team, ct);
        _snapshot = new Snapshot(figures, await PromiseCounts.ReadAsync(db, clock, ct));
    }

    private IEnumerable<Measurement<double>> Read(Func<Snapshot, IEnumerable<Measurement<double>>> read) => _snapshot is { } s ? read(s).ToList() : [];

    private static Measurement<double> Measure(double value, params (string Key, string Value)[] tags) =>
        new(value, tags.Select(t => new KeyValuePair<string, object?>(t.Key, t.Value)).ToArray());

    public override void Dispose()
    {
        Meter.Dispose();
        base.Dispose();
    }
}
