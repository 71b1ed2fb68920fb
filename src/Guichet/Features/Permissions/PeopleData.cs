using Guichet.Core.Agents;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Permissions;

/// <summary>The people page (admins): everyone, active first, and the teams they can be put in.</summary>
public sealed record PeopleData(IReadOnlyList<Agent> People, IReadOnlyList<Core.Teams.Team> Teams, DateTimeOffset Now)
{
    public static async Task<PeopleData> ReadAsync(GuichetDb db, TimeProvider clock, CancellationToken ct) => new(
        await db.Agents.AsNoTracking().OrderByDescending(a => a.Active).ThenBy(a => a.Name).ToListAsync(ct),
        await db.Teams.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct),
        clock.GetUtcNow());
}
