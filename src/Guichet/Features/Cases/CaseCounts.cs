using System.Collections.Concurrent;
using Guichet.Core.Agents;
using Guichet.Core.Data;
using Guichet.Core.Live;

namespace Guichet.Features.Cases;

/// <summary>
/// Counts of case lists (a view's count in the sidebar, a list's total), kept until a case changes
/// (<see cref="CaseChanges"/>, which moves on every save of a case on any node): a sidebar of ten
/// views read again and again costs nothing until something happens, then one count each, exact.
/// Zendesk caches its view counts the same way, for a while; these are never older than the last
/// change. A list of a time window ("due within 24 h") is counted per minute of its window.
/// </summary>
public sealed class CaseCounts(CaseChanges changes)
{
    private const int Kept = 10_000;

    private readonly record struct Key(long Reader, long Team, AgentRole Role, bool AllTeams, CaseList.Filter Filter);

    private readonly record struct Counted(long Generation, int Count);

    private readonly ConcurrentDictionary<Key, Counted> counted = new();

    public async Task<int> CountAsync(GuichetDb db, CaseList.Filter filter, Agent? viewer, CancellationToken ct)
    {
        // A list read without a person (none here today) is counted each time.
        if (viewer is null)
        {
            return await CaseList.CountAsync(db, filter, viewer, ct);
        }
        var key = new Key(viewer.Id, viewer.TeamId, viewer.Role, viewer.SeesEveryTeam, filter with { Page = 1, PageSize = 0, After = null });
        var generation = changes.Generation;
        if (counted.TryGetValue(key, out var known) && known.Generation == generation)
        {
            return known.Count;
        }
        var count = await CaseList.CountAsync(db, filter, viewer, ct);
        if (counted.Count >= Kept)
        {
            counted.Clear();
        }
        counted[key] = new Counted(generation, count);
        return count;
    }
}
