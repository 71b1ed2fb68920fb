using Guichet.Core.Audit;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Cases;

/// <summary>
/// Retention per team (issue 10): a resolved or closed case untouched for the team's
/// <c>RetentionYears</c> is deleted with everything on it. The database's cascades remove its
/// messages, events, promises, files and survey. Each deletion is a line of the audit trail,
/// which keeps ids only. Batches of 200, each in its own transaction, so a large first sweep
/// never holds the database for long.
/// </summary>
public sealed class CaseRetention(GuichetDb db, TimeProvider clock, Live.CaseChanges changes)
{
    public const int BatchSize = 200;
    public const string Actor = "Guichet (retention)";

    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var teams = await db.Teams.AsNoTracking().Where(t => t.RetentionYears != null).Select(t => new { t.Id, t.Slug, Years = t.RetentionYears!.Value }).ToListAsync(ct);
        var deleted = 0;
        foreach (var team in teams)
        {
            var cutoff = now.AddYears(-team.Years);
            while (true)
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var due = await db.Cases.AsNoTracking()
                    .Where(c => c.TeamId == team.Id && (c.Status == CaseStatus.Resolved || c.Status == CaseStatus.Closed) && c.ResolvedAt < cutoff && c.UpdatedAt < cutoff)
                    .OrderBy(c => c.Id).Select(c => new { c.Id, c.CustomerId }).Take(BatchSize).ToListAsync(ct);
                if (due.Count == 0)
                {
                    break;
                }
                var ids = due.Select(c => c.Id).ToList();
                // Rows that point at these cases without a cascade let go of them first.
                await db.InboundEmails.Where(e => e.CaseId != null && ids.Contains(e.CaseId.Value)).ExecuteDeleteAsync(ct);
                await db.SocialPosts.Where(p => p.CaseId != null && ids.Contains(p.CaseId.Value)).ExecuteDeleteAsync(ct);
                await db.Cases.Where(c => ids.Contains(c.Id)).ExecuteDeleteAsync(ct);
                db.AuditEntries.AddRange(due.Select(c => new AuditEntry
                {
                    At = now, ActorName = Actor, Action = AuditAction.Deleted, Route = $"retention {team.Slug} {team.Years} years",
                    CaseId = c.Id, CustomerId = c.CustomerId, Status = 200,
                }));
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                // Deleted by a bulk statement no interceptor sees: counts of the cases are stale.
                changes.Moved();
                db.ChangeTracker.Clear();
                deleted += due.Count;
            }
        }
        return deleted;
    }
}
