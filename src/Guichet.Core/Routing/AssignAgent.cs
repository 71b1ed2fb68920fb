using Guichet.Core.Agents;
using Guichet.Core.Cases;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Routing;

/// <summary>
/// Who gets a new case when the team assigns at once (issue 7): an available agent of the team,
/// who can sign in, speaks the customer's language and is under capacity; one who knows the
/// category first, then the least loaded, then the longest-serving. The agent is read tracked:
/// the case being opened is added to the same unit of work and must not insert them again.
/// </summary>
public static class AssignAgent
{
    public static async Task<Agent?> PickAsync(GuichetDb db, long teamId, string language, string? category, CancellationToken ct)
    {
        var candidates = await db.Agents.Where(a => a.TeamId == teamId && a.Active && a.Role != AgentRole.Auditor && a.PasswordHash != "" && a.Presence == AgentPresence.Available)
            .WithLoad(db)
            .ToListAsync(ct);
        return candidates.Where(c => c.Agent.Speaks(language) && c.Load < c.Agent.Capacity)
            .OrderByDescending(c => c.Agent.Knows(category)).ThenBy(c => c.Load).ThenBy(c => c.Agent.Id)
            .Select(c => c.Agent).FirstOrDefault();
    }
}
