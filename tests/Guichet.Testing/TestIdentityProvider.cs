using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Guichet.Testing;

/// <summary>
/// A small OpenID Connect provider served inside the test on 127.0.0.1: discovery document, JWKS,
/// an authorize endpoint that vouches for <see cref="Email"/> without asking, and a token endpoint
/// that checks the client secret, the redirect address and PKCE before giving an RS256 id_token.
/// Just enough of the protocol for the framework's real handler to run every check it makes.
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "guichet-test";
    public const string ClientSecret = "oidc-test-secret";
    private const string KeyId = "test-key-1";

    private readonly RSA _key = RSA.Create(2048);
    private readonly RSA _stranger = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, Grant> _codes = new();
    private WebApplication? _app;

    public Uri Authority { get; private set; } = null!;
    /// <summary>Who the provider says the next person is.</summary>
    public string Email { get; set; } = "";
    /// <summary>The email_verified claim; null leaves it out, as some providers do.</summary>
    public bool? EmailVerified { get; set; } = true;
    /// <summary>Sign the next id_token with a key the JWKS does not publish (a forged token).</summary>
    public bool ForgeSignature { get; set; }
    private int _tokensIssued;
    public int TokensIssued => _tokensIssued;

    private sealed record Grant(string Nonce, string RedirectUri, string Challenge, string Email, bool? Verified);

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = $"{Issuer}/authorize",
            ["token_endpoint"] = $"{Issuer}/token",
            ["jwks_uri"] = $"{Issuer}/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["response_modes_supported"] = new[] { "query" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
            ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post" },
        }));
        _app.MapGet("/jwks", () =>
        {
            var key = _key.ExportParameters(includePrivateParameters: false);
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = KeyId, n = Base64Url.EncodeToString(key.Modulus), e = Base64Url.EncodeToString(key.Exponent) } } });
        });
        _app.MapGet("/authorize", Authorize);
        _app.MapPost("/token", TokenAsync);
        await _app.StartAsync();
        Authority = new Uri(_app.Urls.First());
    }

    private string Issuer => Authority.ToString().TrimEnd('/');

    private IResult Authorize(HttpRequest request)
    {
        var q = request.Query;
        if (q["client_id"] != ClientId || q["response_type"] != "code" || q["code_challenge_method"] != "S256" || string.IsNullOrEmpty(q["redirect_uri"]))
        {
            return Results.BadRequest(new { error = "invalid_request" });
        }
        var code = Guid.NewGuid().ToString("N");
        _codes[code] = new Grant(q["nonce"]!, q["redirect_uri"]!, q["code_challenge"]!, Email, EmailVerified);
        return Results.Redirect($"{q["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(q["state"]!)}");
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
        {
            return Results.Json(new { error = "invalid_client" }, statusCode: 401);
        }
        // A code is good once, for the address it was given to, to the holder of the PKCE verifier.
        if (form["grant_type"] != "authorization_code" || !_codes.TryRemove(form["code"].ToString(), out var grant) || form["redirect_uri"] != grant.RedirectUri
            || Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString()))) != grant.Challenge)
        {
            return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
        }
        var claims = new Dictionary<string, object> { ["sub"] = "idp|" + grant.Email, ["email"] = grant.Email, ["nonce"] = grant.Nonce };
        if (grant.Verified is { } verified)
        {
            claims["email_verified"] = verified;
        }
        var signer = new RsaSecurityKey(ForgeSignature ? _stranger : _key) { KeyId = KeyId };
        var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = ClientId,
            Claims = claims,
            IssuedAt = DateTime.UtcNow,
            NotBefore = DateTime.UtcNow,
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(signer, SecurityAlgorithms.RsaSha256),
        });
        Interlocked.Increment(ref _tokensIssued);
        return Results.Json(new { access_token = Guid.NewGuid().ToString("N"), token_type = "Bearer", expires_in = 300, id_token = idToken });
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        _key.Dispose();
        _stranger.Dispose();
    }
}
