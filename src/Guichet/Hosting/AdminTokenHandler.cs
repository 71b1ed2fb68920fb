using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Guichet.Core.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Guichet.Hosting;

/// <summary>
/// Accepts GUICHET_ADMIN_TOKEN as a bearer token and signs the request in as the built-in
/// administrator (CONTRACT). Personal API tokens come with the permissions issue.
/// </summary>
public sealed class AdminTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ServeOptions serve,
    GuichetDb db) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AdminToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        if (string.IsNullOrEmpty(serve.AdminToken) || !SameSecret(header["Bearer ".Length..].Trim(), serve.AdminToken))
        {
            return AuthenticateResult.Fail("Invalid bearer token.");
        }
        // Tracked on purpose: the endpoint's CurrentAgentAsync finds it in the same scoped context, no second query.
        var admin = await db.Agents.SingleAsync(a => a.Email == Bootstrap.BuiltInAdminEmail, Context.RequestAborted);
        var identity = AgentPrincipal.IdentityFor(admin, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }

    // Hashing first makes the comparison constant-time whatever the lengths.
    private static bool SameSecret(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
