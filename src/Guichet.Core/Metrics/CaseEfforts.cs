using Guichet.Core.Cases;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Metrics;

/// <summary>Reads the <see cref="CaseEffort"/> of the cases a filter covers: two queries, whatever the number of cases.</summary>
public static class CaseEfforts
{
    /// <summary>The cases customers opened that a filter covers, in SQL; every figure starts here.</summary>
    public static IQueryable<Case> Covered(this IQueryable<Case> cases, MetricFilter filter) =>
        cases.Where(c => c.Origin == CaseOrigin.Contact && c.CreatedAt >= filter.From && c.CreatedAt < filter.To
            && (filter.Team == null || c.Team.Slug == filter.Team)
            && (filter.Channel == null || c.Channel == filter.Channel));

    public static Task<List<CaseEffort>> ReadAsync(GuichetDb db, MetricFilter filter, CancellationToken ct = default) =>
        ReadAsync(db, db.Cases.AsNoTracking().Covered(filter), ct);

    /// <summary>One case, whatever its origin, for its page and the API.</summary>
    public static async Task<CaseEffort?> OfCaseAsync(GuichetDb db, long caseId, CancellationToken ct = default) =>
        (await ReadAsync(db, db.Cases.AsNoTracking().Where(c => c.Id == caseId), ct)).FirstOrDefault();

    private static async Task<List<CaseEffort>> ReadAsync(GuichetDb db, IQueryable<Case> covered, CancellationToken ct)
    {
        var cases = await covered
            .Select(c => new
            {
                c.Id, c.Reference, Team = c.Team.Name, Owner = c.Owner == null ? null : c.Owner.Name, c.Channel, c.CreatedAt,
                c.ContactCount, c.Transfers, c.ReExplanations, c.FirstAnsweredAt, c.ResolvedAt,
                Redirects = c.Events.Count(e => e.Kind == CaseEventKind.RedirectedElsewhere || (e.Kind == CaseEventKind.GuardOverridden && e.To != null && e.To.Contains("C3.redirect"))),
                SaidEffort = db.Surveys.Where(s => s.CaseId == c.Id).Select(s => s.Effort).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var contacts = (await covered
                .SelectMany(c => c.Messages.Where(m => m.Direction == MessageDirection.In && m.Kind == MessageKind.Contact))
                .Select(m => new { m.CaseId, m.Channel, m.CreatedAt, m.Id })
                .ToListAsync(ct))
            .GroupBy(m => m.CaseId)
            .ToDictionary(g => g.Key, g => g.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).Select(m => m.Channel).ToList());
        return cases.Select(c =>
        {
            var (switches, called) = CaseEffort.Path(contacts.GetValueOrDefault(c.Id) ?? []);
            return new CaseEffort(c.Id, c.Reference, c.Team, c.Owner, c.Channel, c.CreatedAt, c.ContactCount, switches, c.Transfers, c.ReExplanations,
                c.Redirects, called, Hours(c.CreatedAt, c.FirstAnsweredAt), Hours(c.CreatedAt, c.ResolvedAt), c.SaidEffort);
        }).ToList();
    }

    private static double? Hours(DateTimeOffset from, DateTimeOffset? to) => to is { } t ? Math.Round((t - from).TotalHours, 2) : null;
}
