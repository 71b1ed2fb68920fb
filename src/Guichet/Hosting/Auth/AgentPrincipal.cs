using System.Security.Claims;
using Guichet.Core.Agents;
using Guichet.Core.Data;

namespace Guichet.Hosting.Auth;

/// <summary>Claims of a signed-in agent, and the way back from a request to the <see cref="Agent"/> acting.</summary>
public static class AgentPrincipal
{
    public const string UiLanguageClaim = "ui_lang";
    public const string StampClaim = "guichet_stamp";

    public static ClaimsIdentity IdentityFor(Agent agent, string scheme) => new(
    [
        new Claim(ClaimTypes.NameIdentifier, agent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new Claim(ClaimTypes.Name, agent.Name),
        new Claim(ClaimTypes.Email, agent.Email),
        new Claim(ClaimTypes.Role, agent.Role.ToString()),
        new Claim(UiLanguageClaim, agent.UiLanguage),
        new Claim(StampClaim, agent.SecurityStamp),
    ], scheme);

    public static long? AgentId(this ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>The agent behind the request; null when the account was deactivated since sign-in.</summary>
    public static async Task<Agent?> CurrentAgentAsync(this HttpContext http, GuichetDb db)
    {
        var id = http.User.AgentId();
        if (id is null)
        {
            return null;
        }
        var agent = await db.Agents.FindAsync([id.Value], http.RequestAborted);
        return agent is { Active: true } ? agent : null;
    }
}
