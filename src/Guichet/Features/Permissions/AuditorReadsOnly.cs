using Guichet.Core.Agents;
using Microsoft.AspNetCore.Authorization;

namespace Guichet.Features.Permissions;

/// <summary>An auditor, or a read-only API token, changes nothing: any request but GET or HEAD is refused.</summary>
public sealed class AuditorReadsOnly : IAuthorizationRequirement;

public sealed class AuditorReadsOnlyHandler : AuthorizationHandler<AuditorReadsOnly>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AuditorReadsOnly requirement)
    {
        var reading = context.Resource is not HttpContext http || HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);
        var readOnly = context.User.IsInRole(nameof(AgentRole.Auditor)) || context.User.HasClaim(BearerTokenHandler.ScopeClaim, "read");
        if (reading || !readOnly)
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
