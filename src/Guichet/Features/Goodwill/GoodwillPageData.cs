using Guichet.Core.Agents;
using Guichet.Core.Data;
using Guichet.Core.Goodwill;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Goodwill;

/// <summary>The goodwill page: gestures awaiting a manager, each agent's month of spending, and the compensation matrix.</summary>
public sealed record GoodwillPageData(
    IReadOnlyList<GoodwillEntry> Waiting,
    IReadOnlyList<Agent> Agents,
    IReadOnlyDictionary<long, string> Names,
    IReadOnlyList<CompensationRule> Rules,
    IReadOnlyDictionary<long, (long Granted, long Awaiting)> Spend,
    string Month)
{
    public static async Task<GoodwillPageData> ReadAsync(GuichetDb db, TimeProvider clock, CancellationToken ct)
    {
        var waiting = await db.GoodwillEntries.AsNoTracking().Where(g => g.Status == GoodwillStatus.AwaitingApproval).OrderBy(g => g.Id).Take(200).ToListAsync(ct);
        var agents = await db.Agents.AsNoTracking().Include(a => a.Team).Where(a => a.Active && a.PasswordHash != "").OrderBy(a => a.Team.Name).ThenBy(a => a.Name).ToListAsync(ct);
        var names = await db.Agents.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var rules = await db.CompensationRules.AsNoTracking().OrderBy(r => r.Tier).ThenBy(r => r.IncidentKind).ThenBy(r => r.FromRecurrence).ToListAsync(ct);
        // Each agent's month is their team's: the same calendar month the budget counts in.
        var now = clock.GetUtcNow();
        var month = agents.Count > 0 ? GrantGoodwill.MonthOf(now, agents[0].Team) : now.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var months = agents.Select(a => GrantGoodwill.MonthOf(now, a.Team)).Distinct().ToList();
        var spend = await GoodwillSpend.InMonthsAsync(db, months, ct);
        var perAgent = agents.ToDictionary(a => a.Id, a =>
        {
            var mine = spend.Where(s => s.AgentId == a.Id && s.TeamId == a.TeamId && s.Month == GrantGoodwill.MonthOf(now, a.Team)).ToList();
            return (mine.Sum(s => s.GrantedMinor), mine.Sum(s => s.AwaitingMinor));
        });
        return new GoodwillPageData(waiting, agents, names, rules, perAgent, month);
    }
}
