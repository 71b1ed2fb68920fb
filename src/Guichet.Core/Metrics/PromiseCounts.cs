using Guichet.Core.Cases;
using Guichet.Core.Data;
using Guichet.Core.Promises;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Metrics;

/// <summary>
/// CONTRACT GET /api/metrics/promises (SPEC M4, P6). Silent breaches: promises the watcher found
/// lapsed (recorded), plus running promises past due that it has not reached yet.
/// <para>Read in time independent of history (issue 29): the states from <see cref="PromiseTally"/>,
/// less the test journeys' promises (a few, through their cases' index), and the running promises
/// past due through the (State, DueAt) index.</para>
/// </summary>
public sealed record PromiseCounts(int Open, int Kept, int Renegotiated, int Broken, int SilentBreaches)
{
    public static async Task<PromiseCounts> ReadAsync(GuichetDb db, TimeProvider clock, CancellationToken ct = default)
    {
        var now = clock.Now();
        var tally = await PromiseTally.ReadAsync(db, ct);
        // Test journeys' promises are the test's business (M5), not the service's.
        var journeys = db.Cases.Where(c => c.Origin == CaseOrigin.TestJourney).Select(c => c.Id);
        var ofJourneys = await db.Promises.Where(p => journeys.Contains(p.CaseId))
            .GroupBy(p => new { p.State, p.SilentBreach }).Select(g => new { g.Key.State, g.Key.SilentBreach, Count = g.Count() }).ToListAsync(ct);
        foreach (var j in ofJourneys)
        {
            tally[(j.State, j.SilentBreach)] = tally.GetValueOrDefault((j.State, j.SilentBreach)) - j.Count;
        }
        var lapsedUnseen = await db.Promises.CountAsync(p => (p.State == PromiseState.Open || p.State == PromiseState.Renegotiated) && p.DueAt <= now && !p.SilentBreach
            && !journeys.Contains(p.CaseId), ct);
        int Count(PromiseState s) => (int)(tally.GetValueOrDefault((s, false)) + tally.GetValueOrDefault((s, true)));
        var silent = (int)tally.Where(t => t.Key.Silent).Sum(t => t.Value) + lapsedUnseen;
        return new(Count(PromiseState.Open), Count(PromiseState.Kept), Count(PromiseState.Renegotiated), Count(PromiseState.Broken), silent);
    }
}
