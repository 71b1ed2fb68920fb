using Guichet.Core;
using Guichet.Core.Cases.Bulk;
using Guichet.Core.Data;
using Guichet.Features.Permissions;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Features.Cases;

/// <summary>Bulk actions (SPEC W6): one action on many cases, a result per case.</summary>
public static class BulkEndpoints
{
    public static RouteGroupBuilder MapBulk(this RouteGroupBuilder api)
    {
        api.MapPost("/cases/bulk", (HttpContext http, GuichetDb db, ActOnCases act) =>
            CaseEndpoints.WithActor<BulkRequest, BulkResult>(http, db, (r, actor) => act.RunAsync(r, actor, http.RequestAborted), r => TypedResults.Ok(r)))
        .WithTags("Cases")
        .Accepts<BulkRequest>("application/json")
        .Produces<BulkResult>()
        .ProducesValidationProblem()
        .WithSummary("One action on up to 1,000 cases: assign (ownerId), transfer (team, note), tag/untag (tags), status (wait, reopen, close, resolve), priority (priority, reason); each case done or refused with its reason.")
            .NamesInBody("cases", "case ids, each checked against what the caller may see (refused as not found otherwise)")
            .NamesInBody("ownerId", "a person, who receives the cases")
            .NamesInBody("macroId", "a macro the caller may use (their own, their team's, everyone's; refused otherwise)");
        return api;
    }

    /// <summary>The inbox's selection: the action's choice reads "assign-me", "tag", "untag", "status:wait", "priority:high"…</summary>
    public static RouteGroupBuilder MapBulkForm(this RouteGroupBuilder ui)
    {
        ui.MapPost("/cases/bulk", async ([FromForm] long[]? ids, [FromForm] string? action, [FromForm] string? tags, [FromForm] string? back,
            HttpContext http, GuichetDb db, ActOnCases act) =>
        {
            var me = await Forms.RequireAgentAsync(http, db);
            var (name, value) = (action ?? "").Split(':', 2) is [var n, var v] ? (n, v) : (action ?? "", "");
            var list = (tags ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
            var request = name switch
            {
                "assign-me" => new BulkRequest(ids, "assign", OwnerId: me.Id),
                "status" => new BulkRequest(ids, "status", Status: value),
                "priority" => new BulkRequest(ids, "priority", Priority: value, Reason: "Action groupée depuis la boîte de réception"),
                _ => new BulkRequest(ids, name, Tags: list),
            };
            var page = Forms.PageCameFrom(http) is { } from && from.StartsWith('/') ? from : "/";
            var result = await act.RunAsync(request, me, http.RequestAborted);
            if (!result.Succeeded)
            {
                return Results.Redirect(Forms.WithError(page, result.Failure!));
            }
            var refused = result.Value.Cases.Where(c => !c.Done).Take(5).Select(c => $"{c.Reference ?? c.CaseId.ToString(System.Globalization.CultureInfo.InvariantCulture)} : {c.Refused}");
            var sep = page.Contains('?', StringComparison.Ordinal) ? "&" : "?";
            return Results.Redirect($"{page}{sep}bulkDone={result.Value.Done}&bulkRefused={result.Value.Refused}"
                + (result.Value.Refused > 0 ? "&error=" + Uri.EscapeDataString(string.Join(" · ", refused)) : ""));
        });
        return ui;
    }
}
