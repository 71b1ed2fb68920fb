using System.Collections.Concurrent;
using Guichet.Core.Agents;
using Guichet.Core.Data;
using Guichet.Core.Live;

namespace Guichet.Features.Cases;

/// <summary>
/// Counts of case lists (a view's count in the sidebar, a list's total), in time that does not grow
/// with history (issues 25 and 29, decisions 0036 and 0041). A count is kept until a case changes
/// (<see cref="CaseChanges"/>, which moves on every save of a case on any node). After a change:
/// <list type="bullet">
/// <item>the sidebar shows each view's last count at once, marked ("fresh": false), while it is
/// counted again in the background — ten views on every page and every live redraw never wait for
/// ten counts;</item>
/// <item>a list's own total is counted again at once when the list holds at most
/// <see cref="ExactUpTo"/> cases (a count bounded by a LIMIT); a longer list shows its last count,
/// marked ("totalExact": false), while it is counted again behind — as Zendesk shows large views.</item>
/// </list>
/// A list never counted yet (the first reading after a start) is counted at once up to
/// <see cref="ExactUpTo"/>; past that it answers <c>ExactUpTo + 1</c> ("more than 10,000"), marked,
/// while it is counted in full behind: at ten million cases a full count takes seconds. A list of a
/// time window ("due within 24 h") is counted per minute of its window.
/// </summary>
public sealed class CaseCounts(CaseChanges changes, IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, ILogger<CaseCounts> logger)
{
    private const int Kept = 10_000;

    /// <summary>Up to this many cases a list's total is counted exactly after a change: a bounded count stops there. Tests lower it.</summary>
    public int ExactUpTo { get; set; } = 10_000;

    private readonly record struct Key(long Reader, long Team, AgentRole Role, bool AllTeams, CaseList.Filter Filter);

    /// <param name="NextRecountAt">A background count of this list starts no sooner (<see cref="Environment.TickCount64"/>).</param>
    private readonly record struct Counted(long Generation, int Count, long ReadAt, long NextRecountAt);

    // A list whose count takes over a tenth of a second is counted in the background at most a
    // twentieth of the time: at ten million cases a full count takes seconds, and every change of a
    // case would otherwise start one per view per reader. Shorter counts follow every change.
    private const int RestPerCount = 20;
    private const int RestFromMs = 100;

    /// <summary>A list's count, and whether it is exact as of the last change.</summary>
    public readonly record struct ListCount(int Count, bool Exact);

    private readonly ConcurrentDictionary<Key, Counted> counted = new();
    private readonly ConcurrentDictionary<Key, Task> refreshing = new();
    private readonly Lock turns = new();
    private Task lastTurn = Task.CompletedTask;

    /// <summary>A list's total: exact unless the list is longer than <see cref="ExactUpTo"/> and a case changed since it was counted, or it was never counted.</summary>
    public async Task<ListCount> TotalAsync(GuichetDb db, CaseList.Filter filter, Agent? viewer, CancellationToken ct)
    {
        // A list read without a person (none here today) is counted each time.
        if (viewer is null)
        {
            return new ListCount(await CaseList.CountAsync(db, filter, viewer, ct), true);
        }
        var key = KeyOf(filter, viewer);
        var generation = changes.Generation;
        var seen = Read(key, out var known);
        if (seen && known.Generation == generation)
        {
            return new ListCount(known.Count, true);
        }
        var upTo = await BoundedCountAsync(db, key, filter, viewer, generation, seen ? known : null, ct);
        // A last count of at most ExactUpTo is known to be short now: "more than" says more.
        return upTo.Exact || !seen || known.Count <= ExactUpTo ? upTo : new ListCount(known.Count, false);
    }

    /// <summary>A view's count for the sidebar: exact when nothing changed since it was counted, else the last count while a new one is made in the background.</summary>
    public async Task<ListCount> SidebarCountAsync(GuichetDb db, CaseList.Filter filter, Agent viewer, CancellationToken ct)
    {
        var key = KeyOf(filter, viewer);
        var generation = changes.Generation;
        if (Read(key, out var known))
        {
            if (known.Generation != generation)
            {
                Refresh(key, filter, viewer, generation, known);
            }
            return new ListCount(known.Count, known.Generation == generation);
        }
        return await BoundedCountAsync(db, key, filter, viewer, generation, null, ct);
    }

    /// <summary>Counted at once when the list holds at most <see cref="ExactUpTo"/> cases; past that, "more than" that (not exact) while the full count is made behind.</summary>
    private async Task<ListCount> BoundedCountAsync(GuichetDb db, Key key, CaseList.Filter filter, Agent viewer, long generation, Counted? known, CancellationToken ct)
    {
        var upTo = await CaseList.CountAsync(db, filter, viewer, ct, ExactUpTo + 1);
        if (upTo <= ExactUpTo)
        {
            Keep(key, new Counted(generation, upTo, Environment.TickCount64, 0));
            return new ListCount(upTo, true);
        }
        Refresh(key, filter, viewer, generation, known);
        return new ListCount(upTo, false);
    }

    /// <summary>The exact count as of the last change, counted now if need be (a view's <c>?fresh=true</c>).</summary>
    public async Task<int> ExactCountAsync(GuichetDb db, CaseList.Filter filter, Agent viewer, CancellationToken ct)
    {
        var key = KeyOf(filter, viewer);
        var generation = changes.Generation;
        return Read(key, out var known) && known.Generation == generation ? known.Count : await CountNowAsync(db, key, filter, viewer, generation, ct);
    }

    private bool Read(Key key, out Counted known)
    {
        if (!counted.TryGetValue(key, out known))
        {
            return false;
        }
        // Marked as read, so that the lists people look at are the ones kept.
        counted.TryUpdate(key, known with { ReadAt = Environment.TickCount64 }, known);
        return true;
    }

    /// <summary>Completes when the background counts started so far are done (for tests and benchmarks).</summary>
    public Task RefreshedAsync() => Task.WhenAll(refreshing.Values);

    private async Task<int> CountNowAsync(GuichetDb db, Key key, CaseList.Filter filter, Agent viewer, long generation, CancellationToken ct)
    {
        var started = Environment.TickCount64;
        var count = await CaseList.CountAsync(db, filter, viewer, ct);
        var now = Environment.TickCount64;
        Keep(key, new Counted(generation, count, now, now - started < RestFromMs ? 0 : now + RestPerCount * (now - started)));
        return count;
    }

    /// <summary>Counts the list again behind, once its rest after the last count is over (a count waiting its turn is not started twice).</summary>
    private void Refresh(Key key, CaseList.Filter filter, Agent viewer, long generation, Counted? known)
    {
        if (refreshing.ContainsKey(key))
        {
            return;
        }
        var rest = TimeSpan.FromMilliseconds(Math.Max(0, (known?.NextRecountAt ?? 0) - Environment.TickCount64));
        // Registered before it starts, so that its end always finds it to remove.
        var run = new Task<Task>(() => RecountAsync(key, filter, viewer, generation, rest));
        if (refreshing.TryAdd(key, run.Unwrap()))
        {
            run.Start(TaskScheduler.Default);
        }
    }

    private async Task RecountAsync(Key key, CaseList.Filter filter, Agent viewer, long generation, TimeSpan rest)
    {
        // One background count at a time, in turn: each holds a thread for its whole length (SQLite reads are synchronous).
        var turn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            if (rest > TimeSpan.Zero)
            {
                await Task.Delay(rest, lifetime.ApplicationStopping);
                // Changes made while resting are in this count: it is stamped with the generation it starts at.
                generation = changes.Generation;
            }
            Task previous;
            lock (turns)
            {
                (previous, lastTurn) = (lastTurn, turn.Task);
            }
            await previous;
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
            turn.SetResult();
            refreshing.TryRemove(key, out _);
        }
    }

    private void Keep(Key key, Counted count)
    {
        if (counted.Count >= Kept)
        {
            // The half read longest ago goes: a clear would make every long list's next reading a full count.
            foreach (var old in counted.OrderBy(c => c.Value.ReadAt).Take(Kept / 2).ToList())
            {
                counted.TryRemove(old.Key, out _);
            }
        }
        // A slower count of an older generation never replaces a newer one.
        counted.AddOrUpdate(key, count, (_, held) => held.Generation > count.Generation ? held : count);
    }

    private static Key KeyOf(CaseList.Filter filter, Agent viewer) =>
        new(viewer.Id, viewer.TeamId, viewer.Role, viewer.SeesEveryTeam, filter with { Page = 1, PageSize = 0, After = null });
}
