using System.Security.Claims;
using Guichet.Core.Agents;
using Microsoft.AspNetCore.Authorization;

namespace Guichet.Features.Permissions;

/// <summary>
/// The one authorisation policy of Guichet (issue 10, decision 0021). Every API endpoint, form
/// and page names one of these policies; none checks roles by itself. Each policy is a set of
/// roles plus two rules that hold everywhere: an auditor only reads (GET), and a route that
/// names a case, a promise or an attachment needs that case to be in the person's view
/// (<see cref="CaseInViewHandler"/>). A new endpoint without a policy fails the authorisation
/// matrix test.
/// </summary>
public static class Access
{
    /// <summary>Every signed-in person: reading cases, customers, knowledge; auditors included.</summary>
    public const string Read = "read";

    /// <summary>Working cases: replying, promising, transferring. Agents and up, not auditors.</summary>
    public const string Work = "work";

    /// <summary>Reading a team's figures, sorted mail, journeys: leads and up, and auditors.</summary>
    public const string Oversee = "oversee";

    /// <summary>Acting for a team: sorting held mail, changing agents' settings. Leads and up.</summary>
    public const string Lead = "lead";

    /// <summary>Incidents, crises, goodwill approvals, test journeys: managers and admins.</summary>
    public const string Manage = "manage";

    /// <summary>Configuration: templates, routing rules, team settings, agents, the test clock.</summary>
    public const string Admin = "admin";

    /// <summary>The audit trail: admins and auditors.</summary>
    public const string Audit = "audit";

    public static readonly IReadOnlyDictionary<string, AgentRole[]> Roles = new Dictionary<string, AgentRole[]>
    {
        [Read] = [AgentRole.Agent, AgentRole.Lead, AgentRole.Manager, AgentRole.Admin, AgentRole.Auditor],
        [Work] = [AgentRole.Agent, AgentRole.Lead, AgentRole.Manager, AgentRole.Admin],
        [Oversee] = [AgentRole.Lead, AgentRole.Manager, AgentRole.Admin, AgentRole.Auditor],
        [Lead] = [AgentRole.Lead, AgentRole.Manager, AgentRole.Admin],
        [Manage] = [AgentRole.Manager, AgentRole.Admin],
        [Admin] = [AgentRole.Admin],
        [Audit] = [AgentRole.Admin, AgentRole.Auditor],
    };

    public static IServiceCollection AddGuichetAccess(this IServiceCollection services)
    {
        services.AddSingleton<IAuthorizationHandler, AuditorReadsOnlyHandler>();
        services.AddSingleton<IAuthorizationHandler, ChannelDoorsOnlyHandler>();
        services.AddScoped<IAuthorizationHandler, CaseInViewHandler>();
        services.AddAuthorization(options =>
        {
            foreach (var (name, roles) in Roles)
            {
                options.AddPolicy(name, policy => policy
                    .RequireAuthenticatedUser()
                    .RequireRole(roles.Select(r => r.ToString()))
                    .AddRequirements(new AuditorReadsOnly(), new ChannelDoorsOnly(), new CaseInView()));
            }
            // [Authorize] with no policy, or RequireAuthorization(), means "Read" with its rules.
            options.DefaultPolicy = options.GetPolicy(Read)!;
        });
        return services;
    }

    /// <summary>For what a page shows or hides (a button, a link): the same table as the endpoints.</summary>
    public static bool Allows(this ClaimsPrincipal user, string policy) =>
        Roles[policy].Any(role => user.IsInRole(role.ToString()));
}
