using Guichet.Core.Agents;
using Guichet.Core.Cases;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Customers;

/// <summary>
/// An agent merges two customers into one (C2): the identities and cases of one move to the other,
/// each case records it, and the merge can be undone, putting back exactly what moved. Automatic
/// linking never does this; only a person who checked does.
/// </summary>
public sealed class MergeCustomers(GuichetDb db, TimeProvider clock)
{
    public async Task<Result<CustomerMerge>> RunAsync(long intoId, long? fromId, Agent by, CancellationToken ct = default)
    {
        if (fromId is null)
        {
            return Failure.Invalid("from", "Name the customer to merge into this one.");
        }
        if (fromId == intoId)
        {
            return Failure.Invalid("from", "A customer cannot be merged into themselves.");
        }
        // Both customers must be in the person's view (issue 21); one that is not is, to them, not there.
        var into = await db.SeesCustomerAsync(by, intoId, ct) ? await db.Customers.FirstOrDefaultAsync(c => c.Id == intoId, ct) : null;
        var from = await db.SeesCustomerAsync(by, fromId.Value, ct) ? await db.Customers.FirstOrDefaultAsync(c => c.Id == fromId, ct) : null;
        if (into is null || into.MergedIntoId is not null)
        {
            return Failure.NotFound("id", $"There is no customer {intoId} to merge into.");
        }
        if (from is null || from.MergedIntoId is not null)
        {
            return Failure.NotFound("from", $"There is no customer {fromId} to merge.");
        }
        var now = clock.Now();
        await using var tx = await db.OwnTransactionAsync(ct);
        var identities = await db.CustomerIdentities.Where(i => i.CustomerId == from.Id).Select(i => i.Id).ToListAsync(ct);
        var cases = await db.Cases.Where(c => c.CustomerId == from.Id).Select(c => c.Id).ToListAsync(ct);
        await db.CustomerIdentities.Where(i => i.CustomerId == from.Id).ExecuteUpdateAsync(u => u.SetProperty(i => i.CustomerId, into.Id), ct);
        await db.Cases.Where(c => c.CustomerId == from.Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.CustomerId, into.Id), ct);
        var assets = await db.CustomerAssets.Where(a => a.CustomerId == from.Id).Select(a => a.Id).ToListAsync(ct);
        await db.CustomerAssets.Where(a => a.CustomerId == from.Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.CustomerId, into.Id), ct);
        foreach (var caseId in cases)
        {
            db.CaseEvents.Add(CaseEvent.Create(CaseEventKind.CustomerMerged, now, by, from.Name, into.Name, $"customer {from.Id} merged into {into.Id}").On(caseId));
        }
        from.MergedIntoId = into.Id;
        // Its addresses moved by a bulk update, which no interceptor sees: the export must still see it changed.
        into.UpdatedAt = now;
        var merge = new CustomerMerge { IntoId = into.Id, FromId = from.Id, At = now, ByAgentId = by.Id, IdentityIds = CustomerMerge.Join(identities), CaseIds = CustomerMerge.Join(cases), AssetIds = CustomerMerge.Join(assets) };
        db.CustomerMerges.Add(merge);
        await db.SaveChangesAsync(ct);
        await tx.CommitIfOwnAsync(ct);
        return merge;
    }

    public async Task<Result<CustomerMerge>> UndoAsync(long mergeId, Agent by, CancellationToken ct = default)
    {
        var merge = await db.CustomerMerges.FirstOrDefaultAsync(m => m.Id == mergeId, ct);
        if (merge is null || !await db.SeesCustomerAsync(by, merge.IntoId, ct))
        {
            return Failure.NotFound("id", $"There is no merge {mergeId}.");
        }
        if (merge.UndoneAt is not null)
        {
            return Failure.Conflict("state", "This merge was already undone.");
        }
        var now = clock.Now();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var identities = CustomerMerge.Split(merge.IdentityIds);
        var cases = CustomerMerge.Split(merge.CaseIds);
        await db.CustomerIdentities.Where(i => identities.Contains(i.Id)).ExecuteUpdateAsync(u => u.SetProperty(i => i.CustomerId, merge.FromId), ct);
        await db.Cases.Where(c => cases.Contains(c.Id)).ExecuteUpdateAsync(u => u.SetProperty(c => c.CustomerId, merge.FromId), ct);
        var assets = CustomerMerge.Split(merge.AssetIds);
        await db.CustomerAssets.Where(a => assets.Contains(a.Id)).ExecuteUpdateAsync(u => u.SetProperty(a => a.CustomerId, merge.FromId), ct);
        foreach (var caseId in cases)
        {
            db.CaseEvents.Add(CaseEvent.Create(CaseEventKind.CustomerMerged, now, by, $"{merge.IntoId}", $"{merge.FromId}", "merge undone").On(caseId));
        }
        var from = await db.Customers.SingleAsync(c => c.Id == merge.FromId, ct);
        from.MergedIntoId = null;
        (await db.Customers.SingleAsync(c => c.Id == merge.IntoId, ct)).UpdatedAt = now;
        merge.UndoneAt = now;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return merge;
    }
}
