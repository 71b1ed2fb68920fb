using System.Net;
using Guichet.Core.Agents;
using Guichet.Core.Audit;
using Guichet.Testing;
using Microsoft.EntityFrameworkCore;

namespace Guichet.IntegrationTests.SignIn;

/// <summary>
/// Issue 10: optional OpenID Connect sign-in with the framework's own handler, against a provider
/// served in the test. The provider proves who someone is; only an active account with that
/// verified email gets in, and no account is ever created by signing in.
/// </summary>
public sealed class OidcSignInTests(SqliteOidcServer server) : IClassFixture<SqliteOidcServer>
{
    [Fact]
    public async Task An_agent_whose_email_the_provider_vouches_for_is_signed_in_and_lands_where_they_were_going()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = await server.AddAgentAsync("nadia.sso@example.fr", "Nadia Sso", AgentRole.Agent);
        // The provider's spelling of the address differs in case; it is the same mailbox.
        server.IdentityProvider.Email = "Nadia.SSO@Example.fr";
        server.IdentityProvider.EmailVerified = true;
        using var browser = Browser();

        var landed = await browser.GetAsync("/login/sso?returnUrl=%2Fpromises", ct);

        Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
        Assert.Equal("/promises", landed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Nadia Sso", await landed.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        var line = await LastSignInAsync(ct);
        Assert.Equal((AuditAction.SignedIn, id, "GET /signin-oidc"), (line.Action, line.ActorId, line.Route));
        // The session is Guichet's own cookie: the API answers it as that agent.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/cases", ct)).StatusCode);
    }

    [Fact]
    public async Task Someone_with_no_account_is_refused_and_no_account_is_created()
    {
        var ct = TestContext.Current.CancellationToken;
        server.IdentityProvider.Email = "stranger@example.fr";
        server.IdentityProvider.EmailVerified = true;
        var agents = await server.ReadDbAsync(db => db.Agents.CountAsync(ct));
        using var browser = Browser();

        var landed = await browser.GetAsync("/login/sso", ct);

        AssertRefused(landed);
        Assert.Contains("aucun compte Guichet actif", await landed.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Equal(agents, await server.ReadDbAsync(db => db.Agents.CountAsync(ct)));
        var line = await LastSignInAsync(ct);
        Assert.Equal((AuditAction.SignInRefused, null, "stranger@example.fr"), (line.Action, line.ActorId, line.ActorName));
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/cases", ct)).StatusCode);
    }

    [Fact]
    public async Task A_deactivated_account_or_an_address_the_provider_has_not_verified_is_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        var gone = await server.AddAgentAsync("left.company@example.fr", "Parti", AgentRole.Agent);
        await server.ReadDbAsync(db => db.Agents.Where(a => a.Id == gone).ExecuteUpdateAsync(u => u.SetProperty(a => a.Active, false), ct));
        server.IdentityProvider.Email = "left.company@example.fr";
        server.IdentityProvider.EmailVerified = true;
        using (var browser = Browser())
        {
            AssertRefused(await browser.GetAsync("/login/sso", ct));
        }

        await server.AddAgentAsync("unverified@example.fr", "Pas vérifié", AgentRole.Admin);
        server.IdentityProvider.Email = "unverified@example.fr";
        server.IdentityProvider.EmailVerified = false;
        using (var browser = Browser())
        {
            AssertRefused(await browser.GetAsync("/login/sso", ct));
            Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/cases", ct)).StatusCode);
        }
    }

    [Fact]
    public async Task A_token_not_signed_by_the_providers_published_key_is_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        await server.AddAgentAsync("target.admin@example.fr", "Cible", AgentRole.Admin);
        server.IdentityProvider.Email = "target.admin@example.fr";
        server.IdentityProvider.EmailVerified = true;
        server.IdentityProvider.ForgeSignature = true;
        try
        {
            using var browser = Browser();
            var issued = server.IdentityProvider.TokensIssued;
            AssertRefused(await browser.GetAsync("/login/sso", ct));
            // The forged token was handed over and refused by the handler, not never asked for.
            Assert.True(server.IdentityProvider.TokensIssued > issued);
            Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/cases", ct)).StatusCode);
        }
        finally
        {
            server.IdentityProvider.ForgeSignature = false;
        }
    }

    [Fact]
    public async Task The_return_address_stays_on_guichet_and_the_sign_in_page_offers_the_provider()
    {
        var ct = TestContext.Current.CancellationToken;
        await server.AddAgentAsync("lead.sso@example.fr", "Léa Sso", AgentRole.Lead);
        server.IdentityProvider.Email = "lead.sso@example.fr";
        server.IdentityProvider.EmailVerified = null;
        using var browser = Browser();

        var landed = await browser.GetAsync("/login/sso?returnUrl=https%3A%2F%2Fevil.example%2F", ct);
        Assert.Equal(server.BaseAddress.Authority, landed.RequestMessage!.RequestUri!.Authority);
        Assert.Equal("/", landed.RequestMessage.RequestUri.AbsolutePath);

        var page = await server.Anonymous.GetStringAsync("/login?returnUrl=%2Fpromises", ct);
        Assert.Contains("href=\"/login/sso?returnUrl=%2Fpromises\"", page, StringComparison.Ordinal);
        Assert.Contains("Se connecter avec Entreprise", page, StringComparison.Ordinal);
    }

    /// <summary>Follows redirects between Guichet and the provider and keeps cookies, as a browser does.</summary>
    private HttpClient Browser() => new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true, MaxAutomaticRedirections = 10 })
    {
        BaseAddress = server.BaseAddress,
    };

    private static void AssertRefused(HttpResponseMessage landed)
    {
        Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
        Assert.Equal(("/login", "?error=sso"), (landed.RequestMessage!.RequestUri!.AbsolutePath, landed.RequestMessage.RequestUri.Query));
    }

    private Task<AuditEntry> LastSignInAsync(CancellationToken ct) => server.ReadDbAsync(db =>
        db.AuditEntries.Where(e => e.Action == AuditAction.SignedIn || e.Action == AuditAction.SignInRefused).OrderByDescending(e => e.Id).FirstAsync(ct));
}
