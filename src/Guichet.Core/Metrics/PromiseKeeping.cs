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

    /// <param name="teamOfCase">The covered cases' teams, already read with their effort: a second read of the cases would double the cost.</param>
    public static async Task<List<Row>> ReadAsync(GuichetDb db, TimeProvider clock, MetricFilter filter, IReadOnlyDictionary<long, string> teamOfCase, CancellationToken ct = default)
    {
        var now = clock.Now();
        // "CaseId IN (covered cases)" reads the cases' covering index only.
        var ids = db.Cases.AsNoTracking().Covered(filter).Select(c => c.Id);
        var promises = await db.Promises.AsNoTracking().Where(p => ids.Contains(p.CaseId))
            .Select(p => new { p.Id, p.CaseId, p.OwnerId, p.State, Silent = p.SilentBreach || ((p.State == PromiseState.Open || p.State == PromiseState.Renegotiated) && p.DueAt <= now) })
            .ToListAsync(ct);
        if (promises.Count == 0)
        {
            return [];
        }
        var agents = await db.Agents.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var renegotiated = (await db.PromiseRenegotiations.AsNoTracking().Where(r => db.Promises.Any(p => p.Id == r.PromiseId && ids.Contains(p.CaseId)))
            .Select(r => r.PromiseId).Distinct().ToListAsync(ct)).ToHashSet();
        return promises.Select(p => new Row(p.Id, teamOfCase.GetValueOrDefault(p.CaseId, "?"), p.OwnerId is { } owner ? agents.GetValueOrDefault(owner) : null, p.State, renegotiated.Contains(p.Id), p.Silent)).ToList();
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
