using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Guichet.Core.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Guichet.Hosting.Auth;

/// <summary>
/// Bearer tokens: GUICHET_ADMIN_TOKEN signs the request in as the built-in administrator
/// (CONTRACT); a personal token (gch_…) as its person, within its scope, if it is neither revoked
/// nor expired and the person is still active (issue 10). Its last use is recorded, at most once
/// a minute so a busy script does not write on every call.
/// </summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ServeOptions serve,
    GuichetDb db,
    TimeProvider clock,
    FailedTokens failures) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string ScopeClaim = "guichet_scope";

    public const string SchemeName = "Bearer";
    private static readonly object Throttled = new();

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var address = Context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!failures.MayTry(address))
        {
            Context.Items[Throttled] = true;
            return AuthenticateResult.Fail("Too many invalid bearer tokens from this address.");
        }
        var given = header["Bearer ".Length..].Trim();
        var result = given.StartsWith(Core.Agents.ApiToken.SecretPrefix, StringComparison.Ordinal) ? await PersonalAsync(given) : await AdminAsync(given);
        if (!result.Succeeded)
        {
            failures.Failed(address);
        }
        return result;
    }

    private async Task<AuthenticateResult> AdminAsync(string given)
    {
        if (string.IsNullOrEmpty(serve.AdminToken) || !SameSecret(given, serve.AdminToken))
        {
            return AuthenticateResult.Fail("Invalid bearer token.");
        }
        // Tracked on purpose: the endpoint's CurrentAgentAsync finds it in the same scoped context, no second query.
        var admin = await db.Agents.SingleAsync(a => a.Email == Bootstrap.BuiltInAdminEmail, Context.RequestAborted);
        var identity = AgentPrincipal.IdentityFor(admin, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    private async Task<AuthenticateResult> PersonalAsync(string secret)
    {
        // Looked up by hash: equal hashes of 256-bit secrets, so no timing to learn from.
        var hash = Core.Agents.ApiToken.HashOf(secret);
        var token = await db.ApiTokens.Include(t => t.Agent).FirstOrDefaultAsync(t => t.Hash == hash, Context.RequestAborted);
        var now = clock.GetUtcNow();
        if (token is null || !token.Usable(now) || !token.Agent.Active)
        {
            return AuthenticateResult.Fail("Unknown, revoked or expired API token.");
        }
        if (token.LastUsedAt is not { } last || now - last > TimeSpan.FromMinutes(1))
        {
            await db.ApiTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(u => u.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }
        var identity = AgentPrincipal.IdentityFor(token.Agent, SchemeName);
        identity.AddClaim(new Claim(ScopeClaim, token.Scope.ToString().ToLowerInvariant()));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items.ContainsKey(Throttled))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = "60";
            return Task.CompletedTask;
        }
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }

    // Hashing first makes the comparison constant-time whatever the lengths.
    private static bool SameSecret(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
