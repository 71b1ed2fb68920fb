using System.Security.Claims;
using Guichet.Components.Shared;
using Guichet.Core.Agents;
using Guichet.Core.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Features.SignIn;

/// <summary>Sign-in (password or the company's identity provider), sign-out, and the workspace language switch.</summary>
public static class SignInEndpoints
{
    public static WebApplication MapSignIn(this WebApplication app)
    {
        app.MapPost("/login", SignInAsync).AllowAnonymous().RequireRateLimiting(Hosting.Web.RateLimits.SignIn)
            .WithMetadata(new RequestSizeLimitAttribute(64 * 1024)).ExcludeFromDescription().RequireFormToken();
        // Sign-in through the company's identity provider, when one is configured (404 otherwise).
        app.MapGet("/login/sso", (string? returnUrl, Hosting.ServeOptions options) => options.Oidc is null
                ? Results.NotFound()
                : Results.Challenge(new AuthenticationProperties { RedirectUri = LocalOrHome(returnUrl) }, [OidcSettings.Scheme]))
            .AllowAnonymous().RequireRateLimiting(Hosting.Web.RateLimits.SignIn).ExcludeFromDescription();
        app.MapPost("/logout", async (HttpContext http, GuichetDb db) =>
        {
            // Every earlier copy of this session ends too, not only this browser's cookie (issue 21).
            if (await http.CurrentAgentAsync(db) is { } agent)
            {
                agent.EndEverySession();
                await db.SaveChangesAsync(http.RequestAborted);
            }
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/login");
        }).ExcludeFromDescription().RequireFormToken();
        app.MapGet("/ui/lang/{lang}", (string lang, HttpContext http) =>
        {
            http.Response.Cookies.Append(Ui.Cookie, lang == "en" ? "en" : "fr", new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365) });
            return Results.LocalRedirect(Forms.PageCameFrom(http) ?? "/");
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> SignInAsync([FromForm] string? email, [FromForm] string? password, [FromForm] string? returnUrl,
        HttpContext http, CheckSignIn check, IPasswordHasher<Agent> hasher, GuichetDb db, TimeProvider clock)
    {
        var outcome = await check.RunAsync(email, password,
            (a, given) => hasher.VerifyHashedPassword(a, a.PasswordHash.Length > 0 ? a.PasswordHash : Decoy(hasher), given) != PasswordVerificationResult.Failed, http.RequestAborted);
        await Audit.AuditTrailRecorder.RecordSignInAsync(db, clock, http, outcome.Agent, email);
        if (!outcome.Succeeded)
        {
            // A locked account answers as a wrong password does: the difference would tell who has an account (issue 21).
            return Results.Redirect("/login?error=1" + (string.IsNullOrEmpty(returnUrl) ? "" : "&returnUrl=" + Uri.EscapeDataString(returnUrl)));
        }
        var agent = outcome.Agent;
        var principal = new ClaimsPrincipal(AgentPrincipal.IdentityFor(agent!, CookieAuthenticationDefaults.AuthenticationScheme));
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        return Results.LocalRedirect(LocalOrHome(returnUrl));
    }

    private static string? decoy;

    /// <summary>A real hash of a password nobody has, so checking "no account" costs what checking a password does.</summary>
    private static string Decoy(IPasswordHasher<Agent> hasher) =>
        decoy ??= hasher.HashPassword(CheckSignIn.Nobody, Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));

    /// <summary>Only local paths, by the framework's own test (the one LocalRedirect enforces): no open redirect through the sign-in page.</summary>
    private static string LocalOrHome(string? returnUrl) => Microsoft.AspNetCore.Http.HttpResults.RedirectHttpResult.IsLocalUrl(returnUrl) ? returnUrl! : "/";
}
