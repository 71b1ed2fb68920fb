using Guichet.Core.Agents;
using Guichet.Core.Cases.Tags;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Cases.Bulk;

/// <summary>
/// Tags put on or taken off many cases at once (W6), by sets rather than case by case: one read of
/// the chunk's tags, the new rows and their timeline events in one save, one update of the cases'
/// change time. The same outcome as <see cref="TagCase"/> on each (an event per real change, the
/// limit of tags per case refused by name), ten thousand cases in seconds (docs/benchmarks.md).
/// </summary>
public static class TagMany
{
    public static async Task<List<BulkOutcome>> RunAsync(GuichetDb db, IReadOnlyDictionary<long, string> cases, IReadOnlyList<string> tags, bool add,
        Agent actor, DateTimeOffset now, CancellationToken ct)
    {
        var ids = cases.Keys.ToList();
        var held = (await db.CaseTags.AsNoTracking().Where(t => ids.Contains(t.CaseId)).Select(t => new { t.CaseId, t.Name }).ToListAsync(ct))
            .GroupBy(t => t.CaseId).ToDictionary(g => g.Key, g => g.Select(t => t.Name).ToHashSet(StringComparer.Ordinal));
        var outcomes = new List<BulkOutcome>(ids.Count);
        var changed = new List<long>();
        var removals = new List<(long CaseId, List<string> Names)>();
        foreach (var (id, reference) in cases)
        {
            var current = held.GetValueOrDefault(id) ?? [];
            var change = add ? tags.Where(t => !current.Contains(t)).ToList() : tags.Where(current.Contains).ToList();
            if (add && current.Count + change.Count > TagCase.MaxTags)
            {
                outcomes.Add(new BulkOutcome(id, reference, false, $"A case carries at most {TagCase.MaxTags} tags."));
                continue;
            }
            outcomes.Add(new BulkOutcome(id, reference, true, null));
            if (change.Count == 0)
            {
                continue;
            }
            changed.Add(id);
            if (add)
            {
                db.CaseTags.AddRange(change.Select(name => new CaseTag { CaseId = id, Name = name }));
                db.CaseEvents.Add(CaseEvent.Create(CaseEventKind.Tagged, now, actor, null, string.Join(",", change)).On(id));
            }
            else
            {
                removals.Add((id, change));
                db.CaseEvents.Add(CaseEvent.Create(CaseEventKind.Untagged, now, actor, string.Join(",", change), null).On(id));
            }
        }
        if (changed.Count == 0)
        {
            return outcomes;
        }
        await using var tx = await db.OwnTransactionAsync(ct);
        if (!add)
        {
            var gone = removals.Select(r => r.CaseId).ToList();
            await db.CaseTags.Where(t => gone.Contains(t.CaseId) && tags.Contains(t.Name)).ExecuteDeleteAsync(ct);
        }
        await db.Cases.Where(c => changed.Contains(c.Id) && c.UpdatedAt < now).ExecuteUpdateAsync(u => u.SetProperty(c => c.UpdatedAt, now), ct);
        // The events and new tags, saved through the change tracker: live pages hear of every case.
        await db.SaveChangesAsync(ct);
        await tx.CommitIfOwnAsync(ct);
        db.ChangeTracker.Clear();
        return outcomes;
    }
}
