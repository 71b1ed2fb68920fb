using Guichet.Core.Agents;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Permissions;

/// <summary>One person's own API tokens, newest first.</summary>
public sealed record TokensData(IReadOnlyList<ApiToken> Tokens, DateTimeOffset Now)
{
    public static async Task<TokensData> ReadAsync(GuichetDb db, TimeProvider clock, long agentId, CancellationToken ct) =>
        new(await db.ApiTokens.AsNoTracking().Where(t => t.AgentId == agentId).OrderByDescending(t => t.Id).ToListAsync(ct), clock.GetUtcNow());
}
