using Guichet.Core.Cases;
using Guichet.Core.Data;
using Guichet.Core.Promises;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.ServiceLevels;

/// <summary>One policy's targets of one kind begun in the period: met (kept on their first date), renegotiated (the customer was given a later date), breached (broken; silently, P6, when nobody told the customer), still running.</summary>
public sealed record ServiceLevelFigures(long PolicyId, string Policy, string Target, int Met, int Renegotiated, int Breached, int SilentBreaches, int Running);

/// <summary>The service levels' report (W8): per policy and target, how the promises they made fared.</summary>
public sealed class ServiceLevelReport(GuichetDb db)
{
    public async Task<IReadOnlyList<ServiceLevelFigures>> RunAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default)
    {
        var rows = await db.Promises.AsNoTracking()
            .Where(p => p.PolicyId != null && p.CreatedAt >= from && p.CreatedAt < to)
            .GroupBy(p => new { p.PolicyId, p.Kind })
            .Select(g => new
            {
                g.Key.PolicyId,
                g.Key.Kind,
                Met = g.Count(p => p.State == PromiseState.Kept && p.Renegotiations.Count == 0),
                Renegotiated = g.Count(p => p.State != PromiseState.Broken && p.Renegotiations.Count > 0),
                Breached = g.Count(p => p.State == PromiseState.Broken),
                Silent = g.Count(p => p.SilentBreach),
                Running = g.Count(p => p.State == PromiseState.Open),
            })
            .ToListAsync(ct);
        var names = await db.ServicePolicies.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return [.. rows.Where(r => names.ContainsKey(r.PolicyId!.Value))
            .OrderBy(r => names[r.PolicyId!.Value], StringComparer.Ordinal).ThenBy(r => r.Kind)
            .Select(r => new ServiceLevelFigures(r.PolicyId!.Value, names[r.PolicyId!.Value], r.Kind.ToWire(), r.Met, r.Renegotiated, r.Breached, r.Silent, r.Running))];
    }
}
