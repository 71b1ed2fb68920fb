using Guichet.Core.Agents;
using Microsoft.AspNetCore.Authorization;

namespace Guichet.Features.Permissions;

/// <summary>
/// Marks an endpoint as a channel's door: where the mail relay or the phone system hands in what
/// the channel received (issue 21). Only an intake token or an admin may use it: a person's own
/// cookie or token cannot pose as the mail relay and plant a message in another team's case.
/// </summary>
public sealed class ChannelDoor;

public static class ChannelDoorMetadata
{
    public static TBuilder IsChannelDoor<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ChannelDoor());
}

/// <summary>An intake token opens only the channel doors; a channel door opens only to an intake token or an admin.</summary>
public sealed class ChannelDoorsOnly : IAuthorizationRequirement;

public sealed class ChannelDoorsOnlyHandler : AuthorizationHandler<ChannelDoorsOnly>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ChannelDoorsOnly requirement)
    {
        var door = context.Resource is HttpContext http && http.GetEndpoint()?.Metadata.GetMetadata<ChannelDoor>() is not null;
        var intake = context.User.HasClaim(BearerTokenHandler.ScopeClaim, "intake");
        var allowed = door ? intake || context.User.IsInRole(nameof(AgentRole.Admin)) : !intake;
        if (allowed)
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
