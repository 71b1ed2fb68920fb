using Guichet.Core.Agents;
using Guichet.Core.Customers;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Cases;

/// <summary>
/// One problem, one case (C1): an agent folds a case opened on another channel into the case it
/// belongs to. Messages, events, promises (with their dates), calls, social posts, inbound mail and
/// the customer's private link move to the kept case; the folded case is closed and points there.
/// When the two customers differ, they are merged too (C2), and that merge can be undone.
/// </summary>
public sealed class MergeCases(GuichetDb db, TimeProvider clock, MergeCustomers mergeCustomers)
{
    public async Task<Result<Case>> RunAsync(long keptId, long? foldedId, Agent by, CancellationToken ct = default)
    {
        if (foldedId is null || foldedId == keptId)
        {
            return Failure.Invalid("from", "Name another case to merge into this one.");
        }
        var kept = await db.Cases.AsNoTracking().VisibleTo(by).Where(c => c.Id == keptId).Select(c => new { c.Id, c.CustomerId, c.Status }).FirstOrDefaultAsync(ct);
        // Both cases must be in the person's view (issue 21): naming another team's case folds nothing, and says nothing of it.
        var folded = await db.Cases.AsNoTracking().VisibleTo(by).Where(c => c.Id == foldedId).Select(c => new { c.Id, c.CustomerId, c.Status }).FirstOrDefaultAsync(ct);
        if (kept is null)
        {
            return CaseQueries.CaseNotFound(keptId);
        }
        if (folded is null)
        {
            return Failure.NotFound("from", $"There is no case {foldedId}.");
        }
        if (folded.Status == CaseStatus.Closed)
        {
            return Failure.Conflict("from", "A closed case cannot be merged; reopen it first.");
        }
        var now = clock.Now();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (kept.CustomerId != folded.CustomerId)
        {
            var merged = await mergeCustomers.RunAsync(kept.CustomerId, folded.CustomerId, by, ct);
            if (!merged.Succeeded)
            {
                return merged.Failure!;
            }
            db.ChangeTracker.Clear();
        }
        var from = folded.Id;
        await db.Messages.Where(m => m.CaseId == from).ExecuteUpdateAsync(u => u.SetProperty(m => m.CaseId, keptId), ct);
        await db.CaseEvents.Where(e => e.CaseId == from).ExecuteUpdateAsync(u => u.SetProperty(e => e.CaseId, keptId), ct);
        await db.Promises.Where(p => p.CaseId == from).ExecuteUpdateAsync(u => u.SetProperty(p => p.CaseId, keptId), ct);
        await db.PhoneCalls.Where(c => c.CaseId == from).ExecuteUpdateAsync(u => u.SetProperty(c => c.CaseId, keptId), ct);
        await db.SocialPosts.Where(p => p.CaseId == from).ExecuteUpdateAsync(u => u.SetProperty(p => p.CaseId, (long?)keptId), ct);
        await db.InboundEmails.Where(e => e.CaseId == from).ExecuteUpdateAsync(u => u.SetProperty(e => e.CaseId, (long?)keptId), ct);
        await db.PortalAccesses.Where(a => a.CaseId == from).ExecuteUpdateAsync(u => u.SetProperty(a => a.CaseId, keptId), ct);
        await db.Files.Where(f => f.CaseId == from).ExecuteUpdateAsync(u => u.SetProperty(f => f.CaseId, keptId), ct);

        var keptCase = (await db.FindCaseAsync(keptId, ct))!;
        var foldedCase = (await db.FindCaseAsync(from, ct))!;
        foldedCase.FoldedInto(keptCase, by, now);
        keptCase.Absorbed(foldedCase, by, now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return keptCase;
    }
}
