using Guichet.Core.Data;
using Guichet.Core.Incidents;
using Guichet.Features.Permissions;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Features.Incidents;

/// <summary>A manager declares an incident and sends its list of affected customers from the workspace (G3).</summary>
public static class IncidentForms
{
    public static RouteGroupBuilder MapIncidentForms(this RouteGroupBuilder ui)
    {
        ui.MapPost("/incidents", async ([FromForm] string? kind, [FromForm] string? title, [FromForm] int? targetHours, [FromForm] string? team, HttpContext http, DeclareIncident declare) =>
        {
            var result = await declare.RunAsync(new IncidentRequest(kind, title, null, targetHours, team), http.User.Identity?.Name ?? "manager");
            return Results.LocalRedirect(result.Succeeded ? $"/incidents/{result.Value.Id}" : Forms.WithError("/incidents", result.Failure!));
        }).RequireAuthorization(Access.Manage);

        ui.MapPost("/incidents/{id:long}/list", async (long id, IFormFile? file, HttpContext http, GuichetDb db, IncidentListRunner runner) =>
        {
            if (file is null || file.Length == 0)
            {
                return Results.LocalRedirect($"/incidents/{id}?error=" + Uri.EscapeDataString("file: choose a CSV file of the affected customers."));
            }
            var agent = await Forms.RequireAgentAsync(http, db);
            await using var upload = file.OpenReadStream();
            var spooled = await SpooledUpload.SaveAsync(upload, http.RequestAborted);
            await runner.EnqueueAsync(new IncidentListRunner.Job(id, agent.Id, $"upload {Path.GetFileName(file.FileName)}", spooled), http.RequestAborted);
            return Results.LocalRedirect($"/incidents/{id}?sent=true");
        })
        .RequireAuthorization(Access.Manage)
        .WithMetadata(new RequestSizeLimitAttribute(IncidentEndpoints.MaxListBytes), new RequestFormLimitsAttribute { MultipartBodyLengthLimit = IncidentEndpoints.MaxListBytes });
        return ui;
    }
}
