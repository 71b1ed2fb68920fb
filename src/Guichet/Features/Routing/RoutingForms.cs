using Guichet.Core.Data;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Features.Routing;

/// <summary>An agent's presence, which assignment reads.</summary>
public static class RoutingForms
{
    public static RouteGroupBuilder MapRoutingForms(this RouteGroupBuilder ui)
    {
        ui.MapPost("/agents/{id:long}/presence", async (long id, [FromForm] string? presence, HttpContext http, GuichetDb db, Core.Agents.ChangeAgent change) =>
        {
            var result = await change.RunAsync(id, new Core.Agents.AgentChange(Presence: presence), await Forms.RequireAgentAsync(http, db));
            return Results.LocalRedirect(result.Succeeded ? "/routing" : Forms.WithError("/routing", result.Failure!));
        });
        return ui;
    }
}
