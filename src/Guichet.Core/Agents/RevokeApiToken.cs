using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Agents;

/// <summary>Revokes a token at once: its owner may, and an admin may revoke anyone's.</summary>
public sealed class RevokeApiToken(GuichetDb db, TimeProvider clock)
{
    public async Task<Result<ApiToken>> RunAsync(long id, Agent actor, CancellationToken ct = default)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (token is null || (token.AgentId != actor.Id && actor.Role != AgentRole.Admin))
        {
            // Someone else's token is not named to a non-admin: as if it did not exist.
            return Failure.NotFound("id", $"You have no API token {id}.");
        }
        token.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return token;
    }
}
