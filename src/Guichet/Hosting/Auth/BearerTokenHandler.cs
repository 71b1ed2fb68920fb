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
/// a minute so a busy script does not write on every call. A token checked in the last seconds is
/// not looked up again (<see cref="VerifiedTokens"/>).
/// </summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ServeOptions serve,
    TimeProvider clock,
    FailedTokens failures,
    VerifiedTokens verified) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
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
        if (verified.Find(AdminKey) is { } known)
        {
            return Signed(known.Claims);
        }
        // Tracked on purpose: the endpoint's CurrentAgentAsync finds it in the same scoped context, no second query.
        var admin = await Db.Agents.SingleAsync(a => a.Email == Bootstrap.BuiltInAdminEmail, Context.RequestAborted);
        var identity = AgentPrincipal.IdentityFor(admin, SchemeName);
        verified.Remember(AdminKey, identity.Claims, null, null, null);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    private async Task<AuthenticateResult> PersonalAsync(string secret)
    {
        // Looked up by hash: equal hashes of 256-bit secrets, so no timing to learn from.
        var hash = Core.Agents.ApiToken.HashOf(secret);
        var now = clock.GetUtcNow();
        if (verified.Find(hash) is { } known)
        {
            if (known.LastUsedAt is not { } used || now - used > TimeSpan.FromMinutes(1))
            {
                await RecordUseAsync(known.TokenId!.Value, now);
                verified.Remember(hash, known.Claims, known.TokenId, now, known.Until);
            }
            return Signed(known.Claims);
        }
        var token = await Db.ApiTokens.Include(t => t.Agent).FirstOrDefaultAsync(t => t.Hash == hash, Context.RequestAborted);
        if (token is null || !token.Usable(now) || !token.Agent.Active)
        {
            return AuthenticateResult.Fail("Unknown, revoked or expired API token.");
        }
        var lastUsed = token.LastUsedAt;
        if (lastUsed is not { } last || now - last > TimeSpan.FromMinutes(1))
        {
            await RecordUseAsync(token.Id, now);
            lastUsed = now;
        }
        var identity = AgentPrincipal.IdentityFor(token.Agent, SchemeName);
        identity.AddClaim(new Claim(ScopeClaim, token.Scope.ToString().ToLowerInvariant()));
        verified.Remember(hash, identity.Claims, token.Id, lastUsed, token.ExpiresAt);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    // The request's context, made only when a token has to be looked up.
    private GuichetDb Db => Context.RequestServices.GetRequiredService<GuichetDb>();

    private const string AdminKey = "admin";

    private static AuthenticateResult Signed(IReadOnlyList<Claim> claims) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));

    private Task RecordUseAsync(long tokenId, DateTimeOffset now) =>
        Db.ApiTokens.Where(t => t.Id == tokenId).ExecuteUpdateAsync(u => u.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);

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
