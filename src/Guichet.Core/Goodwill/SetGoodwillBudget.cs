using Guichet.Core.Agents;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Goodwill;

/// <summary>
/// PUT /api/agents/{id}/goodwill-budget: a manager gives one agent a monthly budget of their own
/// (SPEC G2), in their team's currency, in place of the team's; none brings back the team's.
/// </summary>
public sealed class SetGoodwillBudget(GuichetDb db)
{
    public const decimal Highest = 1_000_000m;

    public async Task<Result<Agent>> RunAsync(long agentId, decimal? amount, CancellationToken ct = default)
    {
        var agent = await db.Agents.Include(a => a.Team).FirstOrDefaultAsync(a => a.Id == agentId, ct);
        if (agent is null)
        {
            return Failure.NotFound("id", $"There is no agent {agentId}.");
        }
        if (amount is < 0 or > Highest)
        {
            return Failure.Invalid("amount", $"A monthly budget is between 0 and {Highest:N0} {agent.Team.Currency}; leave it empty for the team's.");
        }
        agent.GoodwillBudgetMinor = amount is { } given ? Money.Of(given, agent.Team.Currency).Minor : null;
        await db.SaveChangesAsync(ct);
        return agent;
    }
}
