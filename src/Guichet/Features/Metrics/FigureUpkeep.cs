using Guichet.Core.Data;
using Guichet.Core.Metrics;
using Guichet.Core.Promises;

namespace Guichet.Features.Metrics;

/// <summary>
/// Keeps the counters and the dashboard's rollups up to date each tick (issue 29): sums the promise
/// tally's rows (<see cref="PromiseTally"/>) and rolls up the days changed since
/// (<see cref="FigureRollups"/>), newest first, a month of days at most a tick. Safe on every node at once.
/// </summary>
public sealed class FigureUpkeep(IServiceScopeFactory scopes, ServeOptions options, ILogger<FigureUpkeep> logger)
    : PeriodicDueWork(scopes, options.WatcherInterval, logger)
{
    public const int DaysPerTick = 31;
    // A day rolled up this recently waits: under a storm today changes all the time, and reading it from its rows costs one day.
    private static readonly TimeSpan Rest = TimeSpan.FromMinutes(1);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<DateTimeOffset, long> rolledAt = new();

    protected override string Name => "Tallies and rollups";
    public override DueStage Stage => DueStage.Measures;

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<GuichetDb>();
        var folded = await PromiseTally.FoldAsync(db, ct);
        var now = Environment.TickCount64;
        var days = await FigureRollups.RefreshAsync(db, DaysPerTick, ct, later: day => rolledAt.TryGetValue(day, out var at) && now - at < Rest.TotalMilliseconds);
        foreach (var day in days)
        {
            rolledAt[day] = now;
        }
        foreach (var old in rolledAt.Where(r => now - r.Value >= Rest.TotalMilliseconds).Select(r => r.Key).ToList())
        {
            rolledAt.TryRemove(old, out _);
        }
        logger.LogDebug("Promise tally: {Rows} rows folded; {Days} days rolled up", folded, days.Count);
    }
}
