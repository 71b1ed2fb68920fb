using System.Security.Claims;
using Guichet.Core.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Guichet.Hosting.Auth;

/// <summary>
/// The framework's OpenID Connect handler, set up for Guichet: the provider proves who the person
/// is; Guichet decides whether they may enter, by finding their active account by email.
/// </summary>
public static class OidcSignIn
{
    public static AuthenticationBuilder AddGuichetOidc(this AuthenticationBuilder builder, OidcSettings settings) =>
        builder.AddOpenIdConnect(OidcSettings.Scheme, settings.DisplayName, o =>
        {
            o.Authority = settings.Authority.ToString();
            o.ClientId = settings.ClientId;
            o.ClientSecret = settings.ClientSecret;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.UsePkce = true;
            o.Scope.Clear();
            o.Scope.Add("openid");
            o.Scope.Add("email");
            o.Scope.Add("profile");
            o.CallbackPath = OidcSettings.CallbackPath;
            o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            // The provider's claims as it names them ("email", "email_verified"), not mapped to WS-* URIs.
            o.MapInboundClaims = false;
            // Nothing of the provider's tokens is kept: Guichet's own cookie is the session.
            o.SaveTokens = false;
            // Plain http only for a provider on this machine (a test, a local proxy); anywhere else https.
            o.RequireHttpsMetadata = !settings.Authority.IsLoopback;
            // The round trip is a top-level GET back (response_mode=query): Lax cookies come with it, over http too.
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // The correlation and nonce cookies are judged by the browser, the provider's tokens are
            // dated by the provider: both in real time, whatever clock the server's rules run on
            // (--test-clock moves days of promises; it must not age a sign-in started a second ago).
            o.TimeProvider = TimeProvider.System;
            o.Events.OnTokenValidated = AdmitAsync;
            o.Events.OnRemoteFailure = context =>
            {
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OidcSignIn))
                    .LogWarning("Sign-in through the identity provider failed ({Error})", context.Failure?.GetType().Name);
                context.Response.Redirect("/login?error=sso");
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });

    /// <summary>
    /// The token is genuine (signature, issuer, audience, nonce, lifetime checked by the handler):
    /// now the person. A verified email of an active account becomes that agent's session; anything
    /// else is refused and written in the audit trail. Never an account created here.
    /// </summary>
    private static async Task AdmitAsync(TokenValidatedContext context)
    {
        var http = context.HttpContext;
        var db = http.RequestServices.GetRequiredService<GuichetDb>();
        var clock = http.RequestServices.GetRequiredService<TimeProvider>();
        var email = context.Principal?.FindFirstValue("email")?.Trim();
        var verified = context.Principal?.FindFirstValue("email_verified") is not { } flag || bool.TryParse(flag, out var yes) && yes;
        Core.Agents.Agent? agent = null;
        if (!string.IsNullOrEmpty(email) && verified)
        {
            agent = await Core.Agents.CheckSignIn.ActiveAccountAsync(db, email, http.RequestAborted);
        }
        await Features.Audit.AuditTrailRecorder.RecordSignInAsync(db, clock, http, agent, email, "GET " + OidcSettings.CallbackPath);
        if (agent is null)
        {
            context.Fail("No active Guichet account has this verified email.");
            return;
        }
        context.Principal = new ClaimsPrincipal(AgentPrincipal.IdentityFor(agent, CookieAuthenticationDefaults.AuthenticationScheme));
    }
}
