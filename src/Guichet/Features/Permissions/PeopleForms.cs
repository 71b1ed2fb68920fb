using Guichet.Core.Agents;
using Guichet.Core.Data;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Features.Permissions;

/// <summary>
/// The workspace's forms for people and tokens. Each calls the operation the API calls
/// (ChangeAgent, RevokeApiToken), then goes back to its page with what went wrong, if anything.
/// </summary>
public static class PeopleForms
{
    public static RouteGroupBuilder MapPeopleForms(this RouteGroupBuilder ui)
    {
        // Checkboxes: an unchecked box is not sent at all, which here means "no".
        ui.MapPost("/people/{id:long}", async (long id, [FromForm] string? role, [FromForm] string? team, [FromForm] bool? allTeams, [FromForm] bool? active,
            HttpContext http, GuichetDb db, ChangeAgent change) =>
        {
            var result = await change.RunAsync(id, new AgentChange(Role: role, Team: team, AllTeams: allTeams ?? false, Active: active ?? false), await Forms.RequireAgentAsync(http, db), http.RequestAborted);
            return Results.LocalRedirect(result.Succeeded ? $"/people?saved={id}" : Forms.WithError("/people", result.Failure!));
        }).RequireAuthorization(Access.Admin);

        ui.MapPost("/tokens/{id:long}/revoke", async (long id, HttpContext http, GuichetDb db, RevokeApiToken revoke) =>
        {
            var result = await revoke.RunAsync(id, await Forms.RequireAgentAsync(http, db), http.RequestAborted);
            return Results.LocalRedirect(result.Succeeded ? "/account/tokens" : Forms.WithError("/account/tokens", result.Failure!));
        });
        return ui;
    }
}
