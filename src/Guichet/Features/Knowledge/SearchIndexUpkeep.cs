using Guichet.Core.Data;
using Guichet.Core.Knowledge;

namespace Guichet.Features.Knowledge;

/// <summary>
/// Adds what was written to the search index just behind the writes, every second on SQLite
/// (<see cref="SearchBacklog"/>, decision 0044): a batch a transaction, in the background's turn,
/// until nothing waits. After an import of a million rows by the command line, the server's first
/// passes index them. Nothing to do on PostgreSQL.
/// </summary>
public sealed class SearchIndexUpkeep(IServiceScopeFactory scopes, ServeOptions options, ILogger<SearchIndexUpkeep> logger)
    : PeriodicDueWork(scopes, options.WatcherInterval < Pace ? options.WatcherInterval : Pace, logger)
{
    private static readonly TimeSpan Pace = TimeSpan.FromSeconds(1);

    protected override string Name => "Search index";
    public override DueStage Stage => DueStage.Measures;

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<GuichetDb>();
        var passes = 0;
        while (await SearchBacklog.IsBehindAsync(db, ct) && !await SearchBacklog.CatchUpAsync(db, SearchBacklog.Batch, ct))
        {
            passes++;
        }
        if (passes > 0)
        {
            logger.LogDebug("Search index: {Batches} full batches added", passes);
        }
    }
}
