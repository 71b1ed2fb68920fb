using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Metrics;

/// <summary>One day's group: the cases opened that UTC day for a team on a first channel, with an owner (the case's for effort, the promise's for promises, none for surveys).</summary>
public readonly record struct FigureKey(DateOnly Day, long TeamId, Channel Channel, long? OwnerId);

/// <summary>
/// The sums every figure of the dashboard is made from (issue 29), by <see cref="FigureKey"/>: read
/// from the rows for a period (<see cref="ReadLiveAsync"/>), or kept per day as rollups
/// (<see cref="FigureRollups"/>). Both give the same sums, so the figures are the same either way.
/// </summary>
public sealed class FigureParts
{
    public Dictionary<FigureKey, EffortSums> Effort { get; } = [];
    public Dictionary<FigureKey, PromiseSums> Promises { get; } = [];
    public Dictionary<FigureKey, SurveySums> Surveys { get; } = [];

    public void Add(FigureParts other)
    {
        foreach (var (key, sums) in other.Effort)
        {
            Of(Effort, key).Add(sums);
        }
        foreach (var (key, sums) in other.Promises)
        {
            Of(Promises, key).Add(sums);
        }
        foreach (var (key, sums) in other.Surveys)
        {
            Of(Surveys, key).Add(sums);
        }
    }

    public static T Of<T>(Dictionary<FigureKey, T> sums, FigureKey key) where T : new()
    {
        if (!sums.TryGetValue(key, out var found))
        {
            sums[key] = found = new T();
        }
        return found;
    }

    /// <summary>The sums of the cases a filter covers, from their rows: a few set-based queries.</summary>
    public static async Task<FigureParts> ReadLiveAsync(GuichetDb db, MetricFilter filter, CancellationToken ct)
    {
        var parts = new FigureParts();
        var caseKeys = new Dictionary<long, FigureKey>();
        foreach (var (effort, teamId, ownerId) in await CaseEfforts.ReadKeyedAsync(db, filter, ct))
        {
            var key = new FigureKey(DateOnly.FromDateTime(effort.CreatedAt.UtcDateTime), teamId, effort.Channel, null);
            caseKeys[effort.CaseId] = key;
            Of(parts.Effort, key with { OwnerId = ownerId }).Add(effort);
        }
        if (caseKeys.Count == 0)
        {
            return parts;
        }
        // "CaseId IN (covered cases)" reads the cases' covering index only.
        var ids = db.Cases.AsNoTracking().Covered(filter).Select(c => c.Id);
        var promises = await db.Promises.AsNoTracking().Where(p => ids.Contains(p.CaseId))
            .Select(p => new { p.Id, p.CaseId, p.OwnerId, p.State, p.SilentBreach, p.DueAt })
            .ToListAsync(ct);
        // "PromiseId IN (their promises)" walks the renegotiations' promise index; an EXISTS per renegotiation read them all.
        var promiseIds = db.Promises.Where(p => ids.Contains(p.CaseId)).Select(p => p.Id);
        var renegotiated = promises.Count == 0 ? [] : (await db.PromiseRenegotiations.AsNoTracking().Where(r => promiseIds.Contains(r.PromiseId))
            .Select(r => r.PromiseId).Distinct().ToListAsync(ct)).ToHashSet();
        foreach (var p in promises)
        {
            if (caseKeys.TryGetValue(p.CaseId, out var key))
            {
                Of(parts.Promises, key with { OwnerId = p.OwnerId }).Add(p.State, renegotiated.Contains(p.Id), p.SilentBreach, p.DueAt);
            }
        }
        var surveys = await db.Surveys.AsNoTracking().Where(s => ids.Contains(s.CaseId)).Select(s => new { s.CaseId, s.State, s.Csat, s.Effort }).ToListAsync(ct);
        foreach (var s in surveys)
        {
            if (caseKeys.TryGetValue(s.CaseId, out var key))
            {
                Of(parts.Surveys, key).Add(s.State, s.Csat, s.Effort);
            }
        }
        return parts;
    }
}
