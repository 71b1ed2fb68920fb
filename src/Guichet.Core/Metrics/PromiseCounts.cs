using Guichet.Core.Cases;
using Guichet.Core.Data;
using Guichet.Core.Promises;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Metrics;

/// <summary>
/// CONTRACT GET /api/metrics/promises (SPEC M4, P6). Silent breaches: promises the watcher found
/// lapsed (recorded), plus running promises past due that it has not reached yet.
/// </summary>
public sealed record PromiseCounts(int Open, int Kept, int Renegotiated, int Broken, int SilentBreaches)
{
    public static async Task<PromiseCounts> ReadAsync(GuichetDb db, TimeProvider clock, CancellationToken ct = default)
    {
        var now = clock.Now();
        // Test journeys' promises are the test's business (M5), not the service's.
        var promises = db.Promises.Where(p => p.Case.Origin != CaseOrigin.TestJourney);
        var byState = await promises.GroupBy(p => p.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var silent = await promises.CountAsync(p => p.SilentBreach || ((p.State == PromiseState.Open || p.State == PromiseState.Renegotiated) && p.DueAt <= now), ct);
        int Count(PromiseState s) => byState.FirstOrDefault(x => x.Key == s)?.Count ?? 0;
        return new(Count(PromiseState.Open), Count(PromiseState.Kept), Count(PromiseState.Renegotiated), Count(PromiseState.Broken), silent);
    }
}
