using Guichet.Core.Data;
using Guichet.Core.Metrics;
using Guichet.Core.Promises;

namespace Guichet.Features.Metrics;

/// <summary>
/// Keeps the counters and the dashboard's rollups up to date each tick (issue 29): sums the promise
/// tally's rows (<see cref="PromiseTally"/>) and rolls up the days changed since
/// (<see cref="FigureRollups"/>), newest first, a month of days at most a tick. Safe on every node at once.
/// </summary>
public sealed class TallyFolding(IServiceScopeFactory scopes, ServeOptions options, ILogger<TallyFolding> logger)
    : PeriodicDueWork(scopes, options.WatcherInterval, logger)
{
    public const int DaysPerTick = 31;

    protected override string Name => "Tallies and rollups";
    public override DueStage Stage => DueStage.Measures;

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<GuichetDb>();
        var folded = await PromiseTally.FoldAsync(db, ct);
        var days = await FigureRollups.RefreshAsync(db, DaysPerTick, ct);
        logger.LogDebug("Promise tally: {Rows} rows folded; {Days} days rolled up", folded, days);
    }
}
