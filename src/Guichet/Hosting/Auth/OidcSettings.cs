namespace Guichet.Hosting.Auth;

/// <summary>
/// Optional sign-in through the company's identity provider (OpenID Connect, authorization code
/// with PKCE). It signs in people who already have an active Guichet account with the same email;
/// it never creates one (decision 0024).
/// </summary>
/// <param name="Authority">The issuer, whose /.well-known/openid-configuration Guichet reads.</param>
/// <param name="DisplayName">The name on the sign-in button ("Se connecter avec …").</param>
public sealed record OidcSettings(Uri Authority, string ClientId, string? ClientSecret, string DisplayName)
{
    public const string Scheme = "oidc";
    public const string CallbackPath = "/signin-oidc";
}
