using Guichet.Core.Cases;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Agents;

/// <summary>POST /api/tokens: a name, a scope (read or full) and, if wanted, a lifetime in days.</summary>
public sealed record TokenRequest(string? Name, string? Scope, int? ExpiresInDays = null);

/// <summary>A person makes a personal API token for themselves; its secret is returned once, never stored.</summary>
public sealed class IssueApiToken(GuichetDb db, TimeProvider clock)
{
    public const int MaxActivePerPerson = 20;

    public async Task<Result<(ApiToken Token, string Secret)>> RunAsync(Agent person, TokenRequest request, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > 100)
        {
            errors.Add("name", "Name the token (up to 100 characters): say which script uses it.");
        }
        var scope = TokenScope.Read;
        if (request.Scope is not null && !WireNames.TryParseWire(request.Scope, out scope))
        {
            errors.Add("scope", "The scope is read (GET only), full (what your role allows) or intake (a channel adapter's, admins only).");
        }
        else if (scope == TokenScope.Intake && person.Role != AgentRole.Admin)
        {
            errors.Add("scope", "Only an admin makes an intake token, for a channel adapter (the mail relay, the phone system).");
        }
        if (request.ExpiresInDays is < 1 or > 3650)
        {
            errors.Add("expiresInDays", "A token lives from 1 to 3650 days, or without an end if none is given.");
        }
        var now = clock.GetUtcNow();
        if (await db.ApiTokens.CountAsync(t => t.AgentId == person.Id && t.RevokedAt == null, ct) >= MaxActivePerPerson)
        {
            errors.Add("name", $"You have {MaxActivePerPerson} tokens already; revoke one you no longer use.");
        }
        if (errors.Any)
        {
            return errors;
        }
        var issued = ApiToken.Issue(person, name, scope, now, request.ExpiresInDays is { } days ? now.AddDays(days) : null);
        db.ApiTokens.Add(issued.Token);
        await db.SaveChangesAsync(ct);
        return issued;
    }
}
