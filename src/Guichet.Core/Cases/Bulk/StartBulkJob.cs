using System.Text.Json;
using Guichet.Core.Agents;
using Guichet.Core.Data;

namespace Guichet.Core.Cases.Bulk;

/// <summary>
/// Starts a bulk job (W6) on cases already chosen (a view's, read when it starts, or named): checks
/// the action as a small bulk action would, then writes the job and its cases, all waiting, for
/// <see cref="RunBulkJobs"/>. Nothing is done to any case here.
/// </summary>
public sealed class StartBulkJob(GuichetDb db, TimeProvider clock)
{
    public async Task<Result<BulkJob>> RunAsync(BulkRequest request, IReadOnlyList<long> cases, string scope, Agent actor, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var ids = cases.Distinct().ToList();
        if (ids.Count is 0 or > BulkJob.MaxCases)
        {
            errors.Add("cases", ids.Count == 0 ? "No case matches: there is nothing to act on." : $"A bulk action takes at most {BulkJob.MaxCases:N0} cases; narrow the view.");
        }
        ActOnCases.Check(request, errors);
        if (errors.Any)
        {
            return errors;
        }
        var job = new BulkJob
        {
            ActorId = actor.Id,
            Request = JsonSerializer.Serialize(request with { Cases = null }),
            Scope = scope.Length > 300 ? scope[..300] : scope,
            Total = ids.Count,
            CreatedAt = clock.Now(),
        };
        await using var tx = await db.OwnTransactionAsync(ct);
        db.BulkJobs.Add(job);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var chunk in ids.Select((id, i) => (id, i)).Chunk(5_000))
            {
                db.BulkJobItems.AddRange(chunk.Select(c => new BulkJobItem { JobId = job.Id, CaseId = c.id, Position = c.i }));
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
        await tx.CommitIfOwnAsync(ct);
        return job;
    }
}
