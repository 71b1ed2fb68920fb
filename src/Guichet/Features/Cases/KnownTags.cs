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
    private sealed record Known(long Generation, DateTimeOffset At, IReadOnlyList<string> Tags);

    private Known? known;

    public async Task<IReadOnlyList<string>> ReadAsync(GuichetDb db, CancellationToken ct)
    {
        var generation = changes.Generation;
        var now = clock.GetUtcNow();
        if (Volatile.Read(ref known) is { } k && (k.Generation == generation || now - k.At < Kept))
        {
            return k.Tags;
        }
        var tags = await db.CaseTags.GroupBy(t => t.Name).OrderByDescending(g => g.Count()).Select(g => g.Key).Take(100).ToListAsync(ct);
        Volatile.Write(ref known, new Known(generation, now, tags));
        return tags;
    }
}
