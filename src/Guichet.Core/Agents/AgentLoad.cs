using Guichet.Core.Cases;
using Guichet.Core.Data;

namespace Guichet.Core.Agents;

/// <summary>An agent with their team and how many active cases they own: what assignment and the presence page read.</summary>
public sealed record AgentLoad(Agent Agent, string TeamSlug, string TeamName, int Load);

public static class AgentQueries
{
    public static IQueryable<AgentLoad> WithLoad(this IQueryable<Agent> agents, GuichetDb db) =>
        agents.Select(a => new AgentLoad(a, a.Team.Slug, a.Team.Name, db.Cases.Active().Count(c => c.OwnerId == a.Id)));
}
