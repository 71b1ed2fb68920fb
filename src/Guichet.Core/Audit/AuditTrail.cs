using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Audit;

/// <summary>A page of the audit trail, filtered by case, customer, person, action and period; newest first.</summary>
public static class AuditTrail
{
    public sealed record Filter(long? CaseId, long? CustomerId, long? PersonId, AuditAction? Action, DateTimeOffset? From, DateTimeOffset? To, int Page, int PageSize, long? BeforeId = null);

    public static async Task<(IReadOnlyList<AuditEntry> Items, int Total)> ReadAsync(GuichetDb db, Filter filter, CancellationToken ct)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (filter.CaseId is { } caseId)
        {
            entries = entries.Where(e => e.CaseId == caseId);
        }
        if (filter.CustomerId is { } customerId)
        {
            entries = entries.Where(e => e.CustomerId == customerId);
        }
        if (filter.PersonId is { } personId)
        {
            entries = entries.Where(e => e.ActorId == personId);
        }
        if (filter.Action is { } action)
        {
            entries = entries.Where(e => e.Action == action);
        }
        if (filter.From is { } from)
        {
            entries = entries.Where(e => e.At >= from);
        }
        if (filter.To is { } to)
        {
            entries = entries.Where(e => e.At < to);
        }
        var total = await entries.CountAsync(ct);
        var ordered = entries.OrderByDescending(e => e.Id);
        // A cursor (issue 25) continues below the last entry seen, from the index, whatever was added since.
        var items = await (filter.BeforeId is { } before ? ordered.Where(e => e.Id < before) : ordered.Skip((filter.Page - 1) * filter.PageSize))
            .Take(filter.PageSize).ToListAsync(ct);
        return (items, total);
    }
}
