using Guichet.Core;
using Guichet.Core.Cases;
using Guichet.Core.Data;
using Guichet.Core.Promises;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Promises;

/// <summary>The promises page: due (running), renegotiated or broken, by team and owner, among the cases the agent sees (M4).</summary>
public sealed record PromisesData(IReadOnlyList<Promise> Promises, IReadOnlyList<Core.Teams.Team> Teams, IReadOnlyList<Core.Agents.Agent> Agents, DateTimeOffset Now)
{
    public sealed record Query(string View, string? Team, long? Owner);

    public static async Task<PromisesData> ReadAsync(HttpContext http, GuichetDb db, TimeProvider clock, Query query, CancellationToken ct)
    {
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);
        var agents = await db.Agents.AsNoTracking().Where(a => a.Active && a.PasswordHash != "").OrderBy(a => a.Name).ToListAsync(ct);
        var list = db.Promises.AsNoTracking().VisibleTo(await http.CurrentAgentAsync(db));
        list = query.View switch
        {
            "renegotiated" => list.Where(p => p.State == PromiseState.Renegotiated),
            "broken" => list.Where(p => p.State == PromiseState.Broken),
            _ => list.Where(p => p.State == PromiseState.Open || p.State == PromiseState.Renegotiated),
        };
        if (!string.IsNullOrEmpty(query.Team))
        {
            list = list.Where(p => p.Case.Team.Slug == query.Team);
        }
        if (query.Owner is { } owner)
        {
            list = list.Where(p => p.OwnerId == owner);
        }
        list = query.View == "broken" ? list.OrderByDescending(p => p.SettledAt) : list.OrderBy(p => p.DueAt);
        var promises = await list.Include(p => p.Owner).Include(p => p.Case).ThenInclude(c => c.Team).Include(p => p.Case).ThenInclude(c => c.Customer)
            .Take(200).AsSplitQuery().ToListAsync(ct);
        return new PromisesData(promises, teams, agents, clock.Now());
    }
}
