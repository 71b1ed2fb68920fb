using Guichet.Core.Cases;
using Guichet.Core.Data;
using Guichet.Core.Promises;
using Guichet.Features.Permissions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Promises;

/// <summary>Promises from the case page: make, keep, renegotiate, and a manager's approval past the ceiling (P2, P3, P5).</summary>
public static class PromiseForms
{
    public static RouteGroupBuilder MapPromiseForms(this RouteGroupBuilder ui)
    {
        ui.MapPost("/promises/new/{caseId:long}", async (long caseId, [FromForm] string? what, [FromForm] string? dueAt, [FromForm] bool? toConfirm, HttpContext http, GuichetDb db, MakePromise make) =>
        {
            var zone = await db.Cases.Where(c => c.Id == caseId).Select(c => c.Team.TimeZone).FirstOrDefaultAsync() ?? "UTC";
            var due = LocalTimeInput.Parse(dueAt, zone);
            return Forms.BackToCase(caseId, await make.RunAsync(caseId, new MakePromiseRequest(what, due, null, null, toConfirm ?? false), await Forms.RequireAgentAsync(http, db)));
        });

        ui.MapPost("/cases/{id:long}/ceiling-approval", async (long id, [FromForm] string? until, [FromForm] string? reason, HttpContext http, GuichetDb db, ApproveCeiling approve) =>
        {
            var zone = await db.Cases.Where(c => c.Id == id).Select(c => c.Team.TimeZone).FirstOrDefaultAsync() ?? "UTC";
            return Forms.BackToCase(id, await approve.RunAsync(id, LocalTimeInput.Parse(until, zone), reason, await Forms.RequireAgentAsync(http, db)));
        }).RequireAuthorization(Access.Manage);

        ui.MapPost("/promises/{id:long}/keep", async (long id, HttpContext http, GuichetDb db, KeepPromise keep) =>
        {
            var result = await keep.RunAsync(id, await Forms.RequireAgentAsync(http, db));
            return result.Succeeded ? Results.Redirect($"/cases/{result.Value.CaseId}") : Results.Redirect("/");
        });

        ui.MapPost("/promises/{id:long}/reopen", async (long id, HttpContext http, GuichetDb db, ReopenPromise reopen) =>
        {
            var caseId = await db.Promises.AsNoTracking().Where(p => p.Id == id).Select(p => (long?)p.CaseId).FirstOrDefaultAsync();
            if (caseId is null)
            {
                return Results.NotFound();
            }
            return Forms.BackToCase(caseId.Value, await reopen.RunAsync(id, await Forms.RequireAgentAsync(http, db)));
        });

        ui.MapPost("/promises/{id:long}/renegotiate", async (long id, [FromForm] string? newDueAt, HttpContext http, GuichetDb db, RenegotiatePromise renegotiate) =>
        {
            var promise = await db.Promises.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.CaseId, p.Case.Team.TimeZone }).FirstOrDefaultAsync();
            if (promise is null)
            {
                return Results.NotFound();
            }
            var result = await renegotiate.RunAsync(id, LocalTimeInput.Parse(newDueAt, promise.TimeZone), await Forms.RequireAgentAsync(http, db));
            return Forms.BackToCase(promise.CaseId, result);
        });
        return ui;
    }
}
