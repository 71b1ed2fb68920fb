using Guichet.Core.Data;
using Guichet.Core.Goodwill;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Goodwill;

/// <summary>The case page's goodwill panel: the case's ledger and, once the customer asked to cancel, the offers made.</summary>
public sealed record CaseGoodwillData(IReadOnlyList<GoodwillEntry> Entries, IReadOnlyList<RetentionOffer> Offers)
{
    public static async Task<CaseGoodwillData> ReadAsync(GuichetDb db, long caseId, CancellationToken ct) => new(
        await db.GoodwillEntries.AsNoTracking().Where(g => g.CaseId == caseId).OrderBy(g => g.Id).ToListAsync(ct),
        await db.RetentionOffers.AsNoTracking().Where(o => o.CaseId == caseId).OrderBy(o => o.Id).ToListAsync(ct));
}
