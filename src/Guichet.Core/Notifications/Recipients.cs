using Guichet.Core.Agents;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Notifications;

/// <summary>Who hears about a case: its team's leads, or its managers; falling back up the roles so someone always does.</summary>
public static class Recipients
{
    public static async Task<List<Agent>> LeadsOfAsync(GuichetDb db, long teamId, CancellationToken ct) =>
        await FirstNonEmptyAsync(db, ct,
            a => a.TeamId == teamId && a.Role == AgentRole.Lead,
            a => a.TeamId == teamId && a.Role == AgentRole.Manager,
            a => a.Role == AgentRole.Manager,
            a => a.Role == AgentRole.Admin);

    public static async Task<List<Agent>> ManagersAsync(GuichetDb db, long teamId, CancellationToken ct) =>
        await FirstNonEmptyAsync(db, ct,
            a => a.TeamId == teamId && a.Role == AgentRole.Manager,
            a => a.Role == AgentRole.Manager,
            a => a.Role == AgentRole.Admin);

    private static async Task<List<Agent>> FirstNonEmptyAsync(GuichetDb db, CancellationToken ct, params System.Linq.Expressions.Expression<Func<Agent, bool>>[] tiers)
    {
        foreach (var tier in tiers)
        {
            // Accounts that cannot sign in (the API's built-in admin) would never read it.
            var agents = await db.Agents.Where(a => a.Active && a.PasswordHash != "").Where(tier).OrderBy(a => a.Id).ToListAsync(ct);
            if (agents.Count > 0)
            {
                return agents;
            }
        }
        return [];
    }
}
