using System.Text.Json;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Cases.Bulk;

/// <summary>
/// Works through bulk jobs (W6): a node claims a job for a while (several nodes never run one job
/// twice; a stopped node's claim lapses and another takes it up), then acts on its waiting cases a
/// chunk at a time through <see cref="ActOnCases"/>, writing each case's outcome and the job's
/// progress after each chunk, so a page can show how far it got.
/// </summary>
public sealed class RunBulkJobs(GuichetDb db, ActOnCases act, TimeProvider clock)
{
    public const int Chunk = 500;
    public static readonly TimeSpan Claim = TimeSpan.FromMinutes(2);

    /// <summary>Claims the oldest job nobody works on for <paramref name="node"/>; null when there is none.</summary>
    public async Task<long?> ClaimAsync(string node, CancellationToken ct)
    {
        var now = clock.Now();
        var candidates = await db.BulkJobs.AsNoTracking()
            .Where(j => j.FinishedAt == null && (j.ClaimedUntil == null || j.ClaimedUntil < now))
            .OrderBy(j => j.Id).Select(j => j.Id).Take(5).ToListAsync(ct);
        var until = now + Claim;
        foreach (var id in candidates)
        {
            var claimed = await db.BulkJobs.Where(j => j.Id == id && j.FinishedAt == null && (j.ClaimedUntil == null || j.ClaimedUntil < now))
                .ExecuteUpdateAsync(u => u.SetProperty(j => j.ClaimedBy, node).SetProperty(j => j.ClaimedUntil, until), ct);
            if (claimed == 1)
            {
                return id;
            }
        }
        return null;
    }

    /// <summary>Runs a claimed job to its end, or until another node took it over (its claim lapsed).</summary>
    public async Task RunAsync(long jobId, string node, CancellationToken ct)
    {
        var job = await db.BulkJobs.AsNoTracking().FirstAsync(j => j.Id == jobId, ct);
        var actor = await db.Agents.AsNoTracking().FirstAsync(a => a.Id == job.ActorId, ct);
        var request = JsonSerializer.Deserialize<BulkRequest>(job.Request)!;
        var change = ActOnCases.Check(request, new ValidationErrors());
        while (true)
        {
            var chunk = await db.BulkJobItems.AsNoTracking()
                .Where(i => i.JobId == jobId && i.State == BulkItemState.Waiting)
                .OrderBy(i => i.Position).Take(Chunk)
                .Select(i => new { i.Position, i.CaseId })
                .ToListAsync(ct);
            if (chunk.Count == 0)
            {
                break;
            }
            var outcomes = (await act.ActOnAsync(chunk.Select(c => c.CaseId).ToList(), request, change, actor, ct)).ToDictionary(o => o.CaseId);
            db.ChangeTracker.Clear();
            var done = chunk.Where(c => outcomes[c.CaseId].Done).Select(c => c.Position).ToList();
            await db.BulkJobItems.Where(i => i.JobId == jobId && done.Contains(i.Position))
                .ExecuteUpdateAsync(u => u.SetProperty(i => i.State, BulkItemState.Done), ct);
            foreach (var reason in chunk.Where(c => !outcomes[c.CaseId].Done).GroupBy(c => Short(outcomes[c.CaseId].Refused)))
            {
                var positions = reason.Select(c => c.Position).ToList();
                await db.BulkJobItems.Where(i => i.JobId == jobId && positions.Contains(i.Position))
                    .ExecuteUpdateAsync(u => u.SetProperty(i => i.State, BulkItemState.Refused).SetProperty(i => i.Refused, reason.Key), ct);
            }
            var (processed, doneCount, refused) = (chunk.Count, done.Count, chunk.Count - done.Count);
            var until = clock.Now() + Claim;
            var still = await db.BulkJobs.Where(j => j.Id == jobId && j.ClaimedBy == node)
                .ExecuteUpdateAsync(u => u
                    .SetProperty(j => j.Processed, j => j.Processed + processed)
                    .SetProperty(j => j.Done, j => j.Done + doneCount)
                    .SetProperty(j => j.Refused, j => j.Refused + refused)
                    .SetProperty(j => j.ClaimedUntil, until), ct);
            if (still == 0)
            {
                return;
            }
        }
        var now = clock.Now();
        await db.BulkJobs.Where(j => j.Id == jobId && j.ClaimedBy == node)
            .ExecuteUpdateAsync(u => u.SetProperty(j => j.FinishedAt, now).SetProperty(j => j.ClaimedUntil, (DateTimeOffset?)null), ct);
    }

    private static string Short(string? reason) => reason is null ? "" : reason.Length > 1000 ? reason[..1000] : reason;
}
