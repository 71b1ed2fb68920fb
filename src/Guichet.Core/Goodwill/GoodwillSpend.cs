using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Goodwill;

/// <summary>Money given in some calendar months, summed by the database per agent, team and month (SPEC G2).</summary>
public sealed record GoodwillSpend(long AgentId, long TeamId, string Month, long GrantedMinor, long AwaitingMinor, int Gestures)
{
    /// <summary>Granted or approved, and awaiting a manager; refused gestures and those that are not money are left out.</summary>
    public static async Task<List<GoodwillSpend>> InMonthsAsync(GuichetDb db, IReadOnlyCollection<string> months, CancellationToken ct)
    {
        var sums = await db.GoodwillEntries.AsNoTracking().Where(g => months.Contains(g.Month)).Where(GoodwillEntry.Spends)
            .GroupBy(g => new { g.AgentId, g.TeamId, g.Month, Awaiting = g.Status == GoodwillStatus.AwaitingApproval })
            .Select(g => new { g.Key.AgentId, g.Key.TeamId, g.Key.Month, g.Key.Awaiting, Sum = g.Sum(e => e.AmountMinor), Count = g.Count() })
            .ToListAsync(ct);
        return [.. sums.GroupBy(s => (s.AgentId, s.TeamId, s.Month)).Select(g => new GoodwillSpend(g.Key.AgentId, g.Key.TeamId, g.Key.Month,
            g.Where(s => !s.Awaiting).Sum(s => s.Sum), g.Where(s => s.Awaiting).Sum(s => s.Sum), g.Sum(s => s.Count)))];
    }
}
