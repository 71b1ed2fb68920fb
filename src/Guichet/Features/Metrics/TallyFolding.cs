using Guichet.Core.Data;
using Guichet.Core.Promises;

namespace Guichet.Features.Metrics;

/// <summary>
/// Sums the promise tally's rows (<see cref="PromiseTally"/>) each tick, so reading the counters
/// stays a few rows however many promises changed. Safe on every node at once.
/// </summary>
public sealed class TallyFolding(IServiceScopeFactory scopes, ServeOptions options, ILogger<TallyFolding> logger)
    : PeriodicDueWork(scopes, options.WatcherInterval, logger)
{
    protected override string Name => "Tally folding";
    public override DueStage Stage => DueStage.Measures;

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        var folded = await PromiseTally.FoldAsync(services.GetRequiredService<GuichetDb>(), ct);
        logger.LogDebug("Promise tally: {Rows} rows folded", folded);
    }
}
