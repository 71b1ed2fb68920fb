using Guichet.Core.Cases;
using Guichet.Core.Data;
using Guichet.Core.Promises;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Metrics;

/// <summary>
/// Promise keeping per team and per owner (SPEC M4) for the promises made on the cases a filter
/// covers: kept, renegotiated in time (at least once), broken openly, and silent breaches (lapsed
/// with nobody telling the customer, or running past due now). The aim for the last is zero.
/// </summary>
public sealed record PromiseKeeping(string Group, int Made, int Open, int Kept, int Renegotiated, int Broken, int SilentBreaches, double? KeptShare)
{
    public sealed record Row(long Id, string Team, string? Owner, PromiseState State, bool Renegotiated, bool Silent);

    public static async Task<List<Row>> ReadAsync(GuichetDb db, TimeProvider clock, MetricFilter filter, CancellationToken ct = default)
    {
        var now = clock.Now();
        return await db.Cases.AsNoTracking().Covered(filter)
            .SelectMany(c => c.Promises)
            .Select(p => new Row(p.Id, p.Case.Team.Name, p.Owner != null ? p.Owner.Name : null, p.State, p.Renegotiations.Any(),
                p.SilentBreach || ((p.State == PromiseState.Open || p.State == PromiseState.Renegotiated) && p.DueAt <= now)))
            .ToListAsync(ct);
    }

    public static PromiseKeeping Of(string group, IReadOnlyCollection<Row> rows)
    {
        var kept = rows.Count(r => r.State == PromiseState.Kept);
        var silent = rows.Count(r => r.Silent);
        var broken = rows.Count(r => r.State == PromiseState.Broken && !r.Silent);
        return new(group, rows.Count, rows.Count(r => r.State is PromiseState.Open or PromiseState.Renegotiated && !r.Silent), kept,
            rows.Count(r => r.Renegotiated), broken, silent, kept + broken + silent == 0 ? null : Quantiles.Share(kept, kept + broken + silent));
    }

    public static List<PromiseKeeping> ByTeam(IEnumerable<Row> rows) =>
        rows.GroupBy(r => r.Team, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Of(g.Key, g.ToList())).ToList();

    /// <summary>Unowned promises belong to their case's team until someone takes the case.</summary>
    public static List<PromiseKeeping> ByOwner(IEnumerable<Row> rows) =>
        rows.GroupBy(r => r.Owner ?? $"({r.Team})", StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Of(g.Key, g.ToList())).ToList();
}
