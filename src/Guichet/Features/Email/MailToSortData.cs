using Guichet.Core.Data;
using Guichet.Core.Email;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Email;

/// <summary>Mail kept but not filed (held or quarantined), newest first.</summary>
public sealed record MailToSortData(IReadOnlyList<MailToSortData.Row> Items)
{
    public sealed record Row(long Id, DateTimeOffset ReceivedAt, string? From, string? Subject, InboundOutcome Outcome, long? CaseId, string? Reason);

    public static async Task<MailToSortData> ReadAsync(HttpContext http, GuichetDb db, CancellationToken ct) => new(
        await db.InboundEmails.AsNoTracking()
            .Where(e => e.Outcome == InboundOutcome.Held || e.Outcome == InboundOutcome.Quarantined)
            .SeenBy(db, await http.CurrentAgentAsync(db))
            .OrderByDescending(e => e.Id).Take(200)
            .Select(e => new Row(e.Id, e.ReceivedAt, e.From, e.Subject, e.Outcome, e.CaseId, e.Reason))
            .ToListAsync(ct));
}
