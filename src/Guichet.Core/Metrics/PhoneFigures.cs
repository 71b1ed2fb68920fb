using Guichet.Core.Data;
using Guichet.Core.Phone;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Metrics;

/// <summary>
/// The hotline at a glance (H4): calls and how they ended, redirections counted as defects, and
/// first-contact resolution: of the cases a call opened, the share settled in that call with no
/// further contact from the customer.
/// </summary>
public sealed record PhoneFigures(int Calls, int Answered, int Missed, int Voicemails, int Redirected, int CasesOpenedByCall, int ResolvedAtFirstCall, double? FirstContactResolution)
{
    public static async Task<PhoneFigures> ReadAsync(GuichetDb db, DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct = default)
    {
        var calls = db.PhoneCalls.AsNoTracking().Where(c => !db.Cases.Any(k => k.Id == c.CaseId && k.Origin == Cases.CaseOrigin.TestJourney)).Where(c => (from == null || c.StartedAt >= from) && (to == null || c.StartedAt < to));
        var byOutcome = await calls.GroupBy(c => c.Outcome).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Count(CallOutcome o) => byOutcome.FirstOrDefault(x => x.Key == o)?.Count ?? 0;
        var opened = await calls.CountAsync(c => c.OpenedTheCase, ct);
        var resolvedFirst = await calls.CountAsync(c => c.OpenedTheCase && c.Outcome == CallOutcome.Resolved
            && db.Cases.Any(k => k.Id == c.CaseId && k.ContactCount == 1), ct);
        var total = byOutcome.Sum(x => x.Count);
        return new(total, total - Count(CallOutcome.Missed) - Count(CallOutcome.Voicemail), Count(CallOutcome.Missed), Count(CallOutcome.Voicemail),
            Count(CallOutcome.Redirected), opened, resolvedFirst, opened == 0 ? null : Math.Round(resolvedFirst / (double)opened, 3));
    }
}
