using Guichet.Core.Agents;
using Guichet.Core.Data;
using Guichet.Core.Routing;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Routing;

/// <summary>The routing page: the rules as text, and each active agent with their presence and load.</summary>
public sealed record RoutingData(string Rules, IReadOnlyList<AgentLoad> Agents)
{
    public static async Task<RoutingData> ReadAsync(GuichetDb db, CancellationToken ct) => new(
        RoutingRulesText.Format(await db.RoutingRules.AsNoTracking().ToListAsync(ct)),
        await db.Agents.AsNoTracking().Where(a => a.Active && a.PasswordHash != "").OrderBy(a => a.Name).WithLoad(db).ToListAsync(ct));
}
