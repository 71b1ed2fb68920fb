using Guichet.Features.Permissions;
using Guichet.Core.Data;
using Guichet.Core.Goodwill;
using Guichet.Core.Incidents;
using Guichet.Features.Incidents;
using Guichet.Features.Workspace;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Features.Goodwill;

/// <summary>The workspace's goodwill, retention and incident forms: the same operations as the API, then back to the page.</summary>
public static class GoodwillForms
{
    public static RouteGroupBuilder MapGoodwillForms(this RouteGroupBuilder ui)
    {
        ui.MapPost("/cases/{id:long}/goodwill", async (long id, [FromForm] string? gesture, [FromForm] decimal? amount, [FromForm] decimal? paid, [FromForm] string? reason,
            [FromForm] bool? customerChoseVoucher, HttpContext http, GuichetDb db, GrantGoodwill grant) =>
            WorkspaceForms.Outcome(id, await grant.RunAsync(id, new GoodwillRequest(string.IsNullOrWhiteSpace(gesture) ? null : gesture, amount, reason, paid, customerChoseVoucher ?? false),
                await WorkspaceForms.RequireAgent(http, db))));

        ui.MapPost("/cases/{id:long}/cancellation-request", async (long id, HttpContext http, GuichetDb db, Retention retention) =>
            WorkspaceForms.Outcome(id, await retention.MarkAsync(id, await WorkspaceForms.RequireAgent(http, db))));

        ui.MapPost("/cases/{id:long}/retention-offers", async (long id, [FromForm] string? offer, HttpContext http, GuichetDb db, Retention retention) =>
            WorkspaceForms.Outcome(id, await retention.OfferAsync(id, offer, await WorkspaceForms.RequireAgent(http, db))));

        ui.MapPost("/retention-offers/{offerId:long}/outcome", async (long offerId, [FromForm] long caseId, [FromForm] string? outcome, Retention retention) =>
            WorkspaceForms.Outcome(caseId, await retention.AnswerAsync(offerId, outcome)));

        ui.MapPost("/cases/{id:long}/cancel", async (long id, HttpContext http, GuichetDb db, Retention retention) =>
            WorkspaceForms.Outcome(id, await retention.CancelAsync(id, await WorkspaceForms.RequireAgent(http, db))));

        foreach (var (path, approve) in new[] { ("approve", true), ("refuse", false) })
        {
            ui.MapPost($"/goodwill/{{id:long}}/{path}", async (long id, HttpContext http, GuichetDb db, DecideGoodwill decide) =>
            {
                var result = await decide.RunAsync(id, approve, await WorkspaceForms.RequireAgent(http, db));
                return Results.LocalRedirect(result.Succeeded ? "/goodwill" : WorkspaceForms.WithError("/goodwill", result.Failure!));
            }).RequireAuthorization(Access.Manage);
        }

        ui.MapPost("/agents/{id:long}/goodwill-budget", async (long id, [FromForm] string? amount, GuichetDb db, SetGoodwillBudget set) =>
        {
            decimal? given = null;
            if (!string.IsNullOrWhiteSpace(amount))
            {
                // "250,50" as French agents write it, or "250.50".
                if (!decimal.TryParse(amount.Trim().Replace(',', '.'), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
                {
                    return Results.LocalRedirect("/goodwill?error=" + Uri.EscapeDataString($"amount: '{amount}' is not an amount."));
                }
                given = parsed;
            }
            var result = await set.RunAsync(id, given);
            return Results.LocalRedirect(result.Succeeded ? "/goodwill" : WorkspaceForms.WithError("/goodwill", result.Failure!));
        }).RequireAuthorization(Access.Manage);

        ui.MapPost("/incidents", async ([FromForm] string? kind, [FromForm] string? title, [FromForm] int? targetHours, [FromForm] string? team, HttpContext http, DeclareIncident declare) =>
        {
            var result = await declare.RunAsync(new IncidentRequest(kind, title, null, targetHours, team), http.User.Identity?.Name ?? "manager");
            return Results.LocalRedirect(result.Succeeded ? $"/incidents/{result.Value.Id}" : WorkspaceForms.WithError("/incidents", result.Failure!));
        }).RequireAuthorization(Access.Manage);

        ui.MapPost("/incidents/{id:long}/list", async (long id, IFormFile? file, HttpContext http, GuichetDb db, IncidentListRunner runner) =>
        {
            if (file is null || file.Length == 0)
            {
                return Results.LocalRedirect($"/incidents/{id}?error=" + Uri.EscapeDataString("file: choose a CSV file of the affected customers."));
            }
            var agent = await WorkspaceForms.RequireAgent(http, db);
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
