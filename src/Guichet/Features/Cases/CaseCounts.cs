using System.Collections.Concurrent;
using Guichet.Core.Agents;
using Guichet.Core.Data;
using Guichet.Core.Live;

namespace Guichet.Features.Cases;

/// <summary>
/// Counts of case lists (a view's count in the sidebar, a list's total), kept until a case changes
/// (<see cref="CaseChanges"/>, which moves on every save of a case on any node). A list's total is
/// always exact: counted again after a change. The sidebar's counts may be a little behind, as
/// Zendesk's are ("fresh": false): after a change the last count is shown at once and counted
/// again in the background, unless it is older than <see cref="MaxStale"/> (decision 0036). So a
/// page with ten views never waits for ten counts over a million cases; the next live redraw shows
/// the new ones. A list of a time window ("due within 24 h") is counted per minute of its window.
/// </summary>
public sealed class CaseCounts(CaseChanges changes, TimeProvider clock, IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, ILogger<CaseCounts> logger)
{
    public static readonly TimeSpan MaxStale = TimeSpan.FromSeconds(60);
    private const int Kept = 10_000;

    private readonly record struct Key(long Reader, long Team, AgentRole Role, bool AllTeams, CaseList.Filter Filter);

    private readonly record struct Counted(long Generation, int Count, DateTimeOffset At);

    /// <summary>A sidebar count, and whether it is exact as of the last change.</summary>
    public readonly record struct SidebarCount(int Count, bool Fresh);

    private readonly ConcurrentDictionary<Key, Counted> counted = new();
    private readonly ConcurrentDictionary<Key, Task> refreshing = new();

    /// <summary>The exact count of the list as of the last change.</summary>
    public async Task<int> CountAsync(GuichetDb db, CaseList.Filter filter, Agent? viewer, CancellationToken ct)
    {
        // A list read without a person (none here today) is counted each time.
        if (viewer is null)
        {
            return await CaseList.CountAsync(db, filter, viewer, ct);
        }
        var key = KeyOf(filter, viewer);
        var generation = changes.Generation;
        if (counted.TryGetValue(key, out var known) && known.Generation == generation)
        {
            return known.Count;
        }
        return await CountNowAsync(db, key, filter, viewer, generation, ct);
    }

    /// <summary>
    /// A view's count for the sidebar: exact when nothing changed since it was counted, else the
    /// last count (not older than <see cref="MaxStale"/>) while a new one is made in the background.
    /// </summary>
    public async Task<SidebarCount> SidebarCountAsync(GuichetDb db, CaseList.Filter filter, Agent viewer, CancellationToken ct)
    {
        var key = KeyOf(filter, viewer);
        var generation = changes.Generation;
        if (counted.TryGetValue(key, out var known))
        {
            if (known.Generation == generation)
            {
                return new SidebarCount(known.Count, true);
            }
            if (clock.GetUtcNow() - known.At < MaxStale)
            {
                Refresh(key, filter, viewer, generation);
                return new SidebarCount(known.Count, false);
            }
        }
        return new SidebarCount(await CountNowAsync(db, key, filter, viewer, generation, ct), true);
    }

    /// <summary>Completes when the background counts started so far are done (for tests and benchmarks).</summary>
    public Task RefreshedAsync() => Task.WhenAll(refreshing.Values);

    private async Task<int> CountNowAsync(GuichetDb db, Key key, CaseList.Filter filter, Agent viewer, long generation, CancellationToken ct)
    {
        var at = clock.GetUtcNow();
        var count = await CaseList.CountAsync(db, filter, viewer, ct);
        Keep(key, new Counted(generation, count, at));
        return count;
    }

    private void Refresh(Key key, CaseList.Filter filter, Agent viewer, long generation)
    {
        if (refreshing.ContainsKey(key))
        {
            return;
        }
        // Registered before it starts, so that its end always finds it to remove.
        var run = new Task<Task>(() => RecountAsync(key, filter, viewer, generation));
        if (refreshing.TryAdd(key, run.Unwrap()))
        {
            run.Start(TaskScheduler.Default);
        }
    }

    private async Task RecountAsync(Key key, CaseList.Filter filter, Agent viewer, long generation)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GuichetDb>();
            await CountNowAsync(db, key, filter, viewer, generation, lifetime.ApplicationStopping);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The last count stays shown; the next reading tries again.
            logger.LogWarning(e, "A view's count could not be made again in the background");
        }
        finally
        {
            refreshing.TryRemove(key, out _);
        }
    }

    private void Keep(Key key, Counted count)
    {
        if (counted.Count >= Kept)
        {
            counted.Clear();
        }
        // A slower count of an older generation never replaces a newer one.
        counted.AddOrUpdate(key, count, (_, held) => held.Generation > count.Generation ? held : count);
    }

    private static Key KeyOf(CaseList.Filter filter, Agent viewer) =>
        new(viewer.Id, viewer.TeamId, viewer.Role, viewer.SeesEveryTeam, filter with { Page = 1, PageSize = 0, After = null });
}
