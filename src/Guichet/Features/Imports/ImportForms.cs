using Guichet.Features.Permissions;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Features.Imports;

/// <summary>The imports page's form: the same start as the API, the refusal shown on the page.</summary>
public static class ImportForms
{
    public static RouteGroupBuilder MapImportForms(this RouteGroupBuilder ui)
    {
        ui.MapPost("/imports", async ([FromForm] string? source, [FromForm] string? team, [FromForm] bool? dryRun, [FromForm] bool? promiseOpen, IFormFile? file,
            HttpContext http, StartImport start) =>
        {
            if (file is null || file.Length == 0)
            {
                return Results.LocalRedirect("/imports?error=" + Uri.EscapeDataString("file: choose the export's zip file."));
            }
            await using var zip = file.OpenReadStream();
            var run = await start.RunAsync(new StartImport.Request(source, dryRun ?? false, promiseOpen ?? false, string.IsNullOrWhiteSpace(team) ? null : team),
                zip, http.User.AgentId(), "file", http.RequestAborted);
            return Results.LocalRedirect(run.Succeeded ? $"/imports?run={run.Value.Id}" : Forms.WithError("/imports", run.Failure!));
        })
        .RequireAuthorization(Access.Admin)
        .WithMetadata(new RequestSizeLimitAttribute(StartImport.MaxUploadBytes), new RequestFormLimitsAttribute { MultipartBodyLengthLimit = StartImport.MaxUploadBytes });
        return ui;
    }
}
