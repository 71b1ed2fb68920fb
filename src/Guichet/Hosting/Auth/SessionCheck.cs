using System.Security.Claims;
using Guichet.Core.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Guichet.Hosting.Auth;

/// <summary>
/// A session cookie is checked against the account on every request: a deactivated person is out
/// at their next click, not when the cookie expires, and a changed role or name applies at once.
/// One primary-key read per request; the alternative is a fired agent reading complaints for hours.
/// </summary>
public static class SessionCheck
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal?.AgentId() is not { } id)
        {
            context.RejectPrincipal();
            return;
        }
        var db = context.HttpContext.RequestServices.GetRequiredService<GuichetDb>();
        // Tracked on purpose: the policy's CaseInView and the endpoint's CurrentAgentAsync find it in the same scoped context, no second query.
        var agent = await db.Agents.FindAsync([id], context.HttpContext.RequestAborted);
        // Signed out, deactivated, reactivated since this cookie was made: it is over (issue 21).
        if (agent is not { Active: true } || (context.Principal.FindFirstValue(AgentPrincipal.StampClaim) ?? "") != agent.SecurityStamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        var fresh = AgentPrincipal.IdentityFor(agent, CookieAuthenticationDefaults.AuthenticationScheme);
        var current = context.Principal.Claims.Select(c => (c.Type, c.Value)).ToHashSet();
        if (!fresh.Claims.All(c => current.Contains((c.Type, c.Value))))
        {
            context.ReplacePrincipal(new ClaimsPrincipal(fresh));
            context.ShouldRenew = true;
        }
    }
}
