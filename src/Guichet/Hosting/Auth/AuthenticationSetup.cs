using Microsoft.AspNetCore.Authentication;
using Guichet.Features.Permissions;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Guichet.Hosting.Auth;

public static class AuthenticationSetup
{
    public const string Smart = "Guichet";

    /// <summary>
    /// One entry scheme: a bearer header goes to the admin token handler, anything else to the
    /// agent cookie. API callers get 401/403 problems, never a redirect to the sign-in page.
    /// </summary>
    public static IServiceCollection AddGuichetAuthentication(this IServiceCollection services, OidcSettings? oidc)
    {
        var authentication = services.AddAuthentication(Smart)
            .AddPolicyScheme(Smart, Smart, o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? BearerTokenHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null)
            .AddCookie(o =>
            {
                o.Cookie.Name = "guichet";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/login";
                o.LogoutPath = "/logout";
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                // Sessions expire in real time: moving the test clock through days of promises must not sign agents out.
                o.TimeProvider = TimeProvider.System;
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = SessionCheck.ValidateAsync;
                o.Events.OnRedirectToLogin = ctx => ApiOr(ctx, StatusCodes.Status401Unauthorized);
                // A page refused is a 403 with its own short page, not a redirect to a page that does not exist.
                o.Events.OnRedirectToAccessDenied = ctx =>
                {
                    ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            });
        if (oidc is not null)
        {
            authentication.AddGuichetOidc(oidc);
        }
        services.AddSingleton<FailedTokens>();
        services.AddGuichetAccess();
        return services;
    }

    private static Task ApiOr(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        // Scripts (the API, the live hub, the menu's counters) get a status, not a sign-in page.
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/hubs") || ctx.Request.Path.StartsWithSegments("/ui/live"))
        {
            ctx.Response.StatusCode = status;
        }
        else
        {
            ctx.Response.Redirect(ctx.RedirectUri);
        }
        return Task.CompletedTask;
    }
}
