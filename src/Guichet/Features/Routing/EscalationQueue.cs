using Guichet.Core.Cases;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Routing;

/// <summary>The leads' queue: escalated cases still active, among those the viewer sees (E1, E2).</summary>
public static class EscalationQueue
{
    public static async Task<List<Case>> ReadAsync(GuichetDb db, string? team, Core.Agents.Agent? viewer, CancellationToken ct) =>
        (await db.Cases.AsNoTracking().VisibleTo(viewer).Escalated().Where(c => team == null || c.Team.Slug == team)
            .Include(c => c.Team).Include(c => c.Owner).Include(c => c.Customer)
            .OrderBy(c => c.Id).Take(500).ToListAsync(ct))
        .OrderByDescending(c => c.Escalation).ThenBy(c => c.EscalatedAt).ToList();
}
