using Guichet.Hosting.Web;
using Guichet.Core.Agents;
using Guichet.Core.Cases;
using Guichet.Core.Data;
using Guichet.Features.Cases;
using Guichet.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Permissions;

/// <summary>/api/tokens: personal API tokens, listed with their last use, made (secret shown once) and revoked.</summary>
public static class TokenEndpoints
{
    public sealed record TokenDto(long Id, string Name, string Hint, string Scope, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt, long AgentId)
    {
        public static TokenDto From(ApiToken t) => new(t.Id, t.Name, t.Hint, t.Scope.ToWire(), t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt, t.AgentId);
    }

    /// <summary>The one answer that carries the secret.</summary>
    public sealed record IssuedDto(string Token, TokenDto Details);

    public static RouteGroupBuilder MapTokens(this RouteGroupBuilder api)
    {
        var tokens = api.MapGroup("/tokens").WithTags("API tokens");
        tokens.MapGet("/", async (long? agent, HttpContext http, GuichetDb db, CancellationToken ct) =>
        {
            var me = await http.CurrentAgentAsync(db);
            if (me is null)
            {
                return Results.Unauthorized();
            }
            var whose = agent is { } other && http.User.Allows(Access.Admin) ? other : me.Id;
            var list = await db.ApiTokens.AsNoTracking().Where(t => t.AgentId == whose).OrderByDescending(t => t.Id).ToListAsync(ct);
            return Results.Ok(list.Select(TokenDto.From).ToList());
        })
        .Produces<List<TokenDto>>()
        .WithSummary("Your API tokens (an admin may name ?agent=): name, first characters, scope, last use, revoked or not. Never the secret.");

        tokens.MapPost("/", (HttpContext http, GuichetDb db, IssueApiToken issue) =>
            CaseEndpoints.WithActor<TokenRequest, (ApiToken Token, string Secret)>(http, db, (r, me) => issue.RunAsync(me, r, http.RequestAborted),
                issued => Results.Created($"/api/tokens/{issued.Token.Id}", new IssuedDto(issued.Secret, TokenDto.From(issued.Token)))))
        .Accepts<TokenRequest>("application/json")
        .Produces<IssuedDto>(StatusCodes.Status201Created)
        .ProducesValidationProblem()
        .WithSummary("Make a personal token {name, scope: read|full|intake (a channel adapter's, admins only), expiresInDays?}. The answer's token is shown this once; send it as 'Authorization: Bearer gch_…'.");

        tokens.MapDelete("/{id:long}", (long id, HttpContext http, GuichetDb db, RevokeApiToken revoke) =>
            CaseEndpoints.AsActor(http, db, me => revoke.RunAsync(id, me, http.RequestAborted), t => Results.Ok(TokenDto.From(t))))
        .Produces<TokenDto>()
        .WithSummary("Revoke a token at once (yours; an admin's, anyone's).");
        return api;
    }
}
