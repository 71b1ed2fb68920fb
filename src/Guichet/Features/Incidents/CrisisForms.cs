using Guichet.Features.Permissions;

namespace Guichet.Features.Incidents;

/// <summary>A manager ends a crisis from the crisis desk (E3).</summary>
public static class CrisisForms
{
    public static RouteGroupBuilder MapCrisisForms(this RouteGroupBuilder ui)
    {
        ui.MapPost("/crises/{id:long}/end", async (long id, HttpContext http, Core.Incidents.DeclareCrisis declare) =>
        {
            await declare.EndAsync(id, http.User.Identity?.Name ?? "manager");
            return Results.LocalRedirect("/crises");
        }).RequireAuthorization(Access.Manage);
        return ui;
    }
}
