using Guichet.Core.Cases;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Metrics;

/// <summary>Reads the <see cref="CaseEffort"/> of the cases a filter covers: a few set-based queries, whatever the number of cases.</summary>
public static class CaseEfforts
{
    /// <summary>The cases customers opened that a filter covers, in SQL; every figure starts here.</summary>
    public static IQueryable<Case> Covered(this IQueryable<Case> cases, MetricFilter filter) =>
        cases.Where(c => c.Origin == CaseOrigin.Contact && c.CreatedAt >= filter.From && c.CreatedAt < filter.To
            && (filter.Team == null || c.Team.Slug == filter.Team)
            && (filter.Channel == null || c.Channel == filter.Channel));

    public static async Task<List<CaseEffort>> ReadAsync(GuichetDb db, MetricFilter filter, CancellationToken ct = default) =>
        (await ReadAsync(db, db.Cases.AsNoTracking().Covered(filter), ct)).ConvertAll(k => k.Effort);

    /// <summary>The covered cases' effort with the ids of their team and owner: what the rollups are keyed by.</summary>
    public static Task<List<Keyed>> ReadKeyedAsync(GuichetDb db, MetricFilter filter, CancellationToken ct = default) =>
        ReadAsync(db, db.Cases.AsNoTracking().Covered(filter), ct);

    /// <summary>One case, whatever its origin, for its page and the API.</summary>
    public static async Task<CaseEffort?> OfCaseAsync(GuichetDb db, long caseId, CancellationToken ct = default) =>
        (await ReadAsync(db, db.Cases.AsNoTracking().Where(c => c.Id == caseId), ct)).FirstOrDefault()?.Effort;

    public sealed record Keyed(CaseEffort Effort, long TeamId, long? OwnerId);

    // Plain columns, one indexed range scan; names, redirects, survey answers and contact channels
    // come from separate set-based reads and are joined here (correlated subqueries per case cost
    // several seconds at 100,000 cases: docs/benchmarks.md).
    private static async Task<List<Keyed>> ReadAsync(GuichetDb db, IQueryable<Case> covered, CancellationToken ct)
    {
        var cases = await covered
            .Select(c => new { c.Id, c.Reference, c.TeamId, c.OwnerId, c.Channel, c.CreatedAt, c.ContactCount, c.Transfers, c.ReExplanations, c.FirstAnsweredAt, c.ResolvedAt })
            .ToListAsync(ct);
        if (cases.Count == 0)
        {
            return [];
        }
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var agents = await db.Agents.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        // Through the (Kind, CaseId) index: redirects are rare, the events of every case are not.
        var ids = covered.Select(c => c.Id);
        var redirects = await db.CaseEvents.AsNoTracking()
            .Where(e => (e.Kind == CaseEventKind.RedirectedElsewhere || (e.Kind == CaseEventKind.GuardOverridden && e.To != null && e.To.Contains("C3.redirect"))) && ids.Contains(e.CaseId))
            .GroupBy(e => e.CaseId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        // "CaseId IN (covered cases)" walks the surveys' case index; an EXISTS per survey read every survey.
        var said = await db.Surveys.AsNoTracking().Where(s => s.Effort != null && ids.Contains(s.CaseId))
            .ToDictionaryAsync(s => s.CaseId, s => s.Effort!.Value, ct);
        // Only a case with two contacts or more can have switched channel. "IN (cases)" lets SQLite
        // walk the messages' (CaseId, CreatedAt) index once per case instead of joining both ways.
        var several = covered.Where(c => c.ContactCount > 1).Select(c => c.Id);
        var contacts = (await db.Messages.AsNoTracking()
                .Where(m => m.Direction == MessageDirection.In && m.Kind == MessageKind.Contact && several.Contains(m.CaseId))
                .Select(m => new { m.CaseId, m.Channel, m.CreatedAt, m.Id })
                .ToListAsync(ct))
            .GroupBy(m => m.CaseId)
            .ToDictionary(g => g.Key, g => g.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).Select(m => m.Channel).ToList());
        return cases.Select(c =>
        {
            var (switches, called) = CaseEffort.Path(contacts.GetValueOrDefault(c.Id) ?? []);
            return new Keyed(new CaseEffort(c.Id, c.Reference, teams.GetValueOrDefault(c.TeamId, "?"), c.OwnerId is { } owner ? agents.GetValueOrDefault(owner) : null, c.Channel, c.CreatedAt,
                c.ContactCount, switches, c.Transfers, c.ReExplanations, redirects.GetValueOrDefault(c.Id), called,
                Hours(c.CreatedAt, c.FirstAnsweredAt), Hours(c.CreatedAt, c.ResolvedAt), said.TryGetValue(c.Id, out var effort) ? effort : null), c.TeamId, c.OwnerId);
        }).ToList();
    }

    private static double? Hours(DateTimeOffset from, DateTimeOffset? to) => to is { } t ? Math.Round((t - from).TotalHours, 2) : null;
}
