using Guichet.Core.Data;
using Guichet.Core.Live;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Cases;

/// <summary>
/// The hundred tags most used, offered on every case page as the agent types one (W5). Counting
/// every tag of a million cases at each page view would cost more than the page: the list is
/// read again at most once a minute, and only once a case changed (suggestions, not a figure).
/// </summary>
public sealed class KnownTags(CaseChanges changes, TimeProvider clock)
{
    private static readonly TimeSpan Kept = TimeSpan.FromMinutes(1);
    // One reference, replaced whole: a page never reads one list with another's generation.
    private sealed record Known(long Generation, DateTimeOffset At, IReadOnlyList<TagEndpoints.TagUse> Uses);

    private Known? known;

    public async Task<IReadOnlyList<string>> ReadAsync(GuichetDb db, CancellationToken ct) => [.. (await KnownAsync(db, ct)).Uses.Select(u => u.Name)];

    /// <summary>The same hundred with how many cases carry each (the API's tags in use, when no prefix is typed).</summary>
    public async Task<IReadOnlyList<TagEndpoints.TagUse>> UsesAsync(GuichetDb db, CancellationToken ct) => (await KnownAsync(db, ct)).Uses;

    private async Task<Known> KnownAsync(GuichetDb db, CancellationToken ct)
    {
        var generation = changes.Generation;
        var now = clock.GetUtcNow();
        if (Volatile.Read(ref known) is { } k && (k.Generation == generation || now - k.At < Kept))
        {
            return k;
        }
        var uses = await db.CaseTags.GroupBy(t => t.Name).Select(g => new { Name = g.Key, Cases = g.Count() })
            .OrderByDescending(u => u.Cases).ThenBy(u => u.Name).Take(100).ToListAsync(ct);
        var fresh = new Known(generation, now, [.. uses.Select(u => new TagEndpoints.TagUse(u.Name, u.Cases))]);
        Volatile.Write(ref known, fresh);
        return fresh;
    }
}
