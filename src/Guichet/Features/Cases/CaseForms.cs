using Guichet.Features.Permissions;
using Guichet.Core;
using Guichet.Core.Cases;
using Guichet.Core.Data;
using Guichet.Components.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Cases;

/// <summary>The case page's small forms: merge (or not: a "perhaps the same matter" answered no), note, assign, transfer, resolve, reopen; the same operations as the API, then back to the case.</summary>
public static class CaseForms
{
    public static RouteGroupBuilder MapCaseForms(this RouteGroupBuilder ui)
    {
        ui.MapPost("/cases/{id:long}/merge", async (long id, [FromForm] string? reference, HttpContext http, GuichetDb db, MergeCases merge) =>
        {
            var key = (reference ?? "").Trim().Trim('[', ']');
            var from = await db.Cases.Where(c => c.Reference == key).Select(c => (long?)c.Id).FirstOrDefaultAsync();
            return from is null
                ? Forms.BackToCase(id, Result<Case>.Fail(Failure.NotFound("reference", $"There is no case {key}.")))
                : Forms.BackToCase(id, await merge.RunAsync(id, from, await Forms.RequireAgentAsync(http, db)));
        })
            .NamesInBody("reference", CaseInViewHandler.Target.Case);

        ui.MapPost("/cases/{id:long}/not-same-matter", async (long id, [FromForm] string? reference, HttpContext http, GuichetDb db, NotSameMatter notSame) =>
            Forms.BackToCase(id, await notSame.RunAsync(id, reference, await Forms.RequireAgentAsync(http, db))))
            .NamesInBody("reference", CaseInViewHandler.Target.Case);

        ui.MapPost("/cases/{id:long}/split", async (long id, [FromForm] long? messageId, [FromForm] bool? following, HttpContext http, GuichetDb db, SplitCase split) =>
        {
            var result = await split.RunAsync(id, messageId, following ?? false, await Forms.RequireAgentAsync(http, db), http.RequestAborted);
            return result.Succeeded ? Results.Redirect($"/cases/{result.Value.Id}") : Forms.BackToCase(id, result);
        })
            .NamesInBody("messageId", "a message of the route's own case: SplitCase looks for it there only");

        // Multipart: the files travel with the message, stored with it or not at all.
        ui.MapPost("/cases/{id:long}/side", async (long id, HttpContext http, GuichetDb db, SideConversation side) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var files = await UploadedFiles.ReadAsync(form.Files, http.RequestAborted);
            var forward = form["forward"].Select(v => long.TryParse(v, out var n) ? n : 0).Where(n => n > 0).ToList();
            var request = new SideConversationRequest(form["to"].ToString(), form["body"].ToString(), null, forward);
            return Forms.BackToCase(id, await side.RunAsync(id, request, await Forms.RequireAgentAsync(http, db), files, http.RequestAborted));
        })
            .NamesInBody("forward", "files of the route's own case: MessageFiles takes them from there only");

        ui.MapPost("/cases/{id:long}/note", async (long id, [FromForm] string? text, HttpContext http, GuichetDb db, AddNote add) =>
            Forms.BackToCase(id, await add.RunAsync(id, text, await Forms.RequireAgentAsync(http, db))));

        ui.MapPost("/cases/{id:long}/assign", async (long id, [FromForm] long? ownerId, HttpContext http, GuichetDb db, AssignCase assign) =>
            Forms.BackToCase(id, await assign.RunAsync(id, ownerId, await Forms.RequireAgentAsync(http, db))))
            .NamesInBody("ownerId", "a person, not a team's record; AssignCase checks who may own the case");

        ui.MapPost("/cases/{id:long}/transfer", async (long id, [FromForm] string? team, [FromForm] long? agentId, [FromForm] string? note, HttpContext http, GuichetDb db, TransferCase transfer) =>
            Forms.BackToCase(id, await transfer.RunAsync(id, agentId is null && !string.IsNullOrEmpty(team) ? team : null, agentId, note, await Forms.RequireAgentAsync(http, db))))
            .NamesInBody("agentId", "a person, who receives the case");

        // Each open promise comes as "promise-{id}" = kept | broken (the page asks); a promise not kept comes with the reason.
        ui.MapPost("/cases/{id:long}/resolve", async (long id, [FromForm] string? reason, HttpContext http, GuichetDb db, ChangeCaseStatus status, IStringLocalizer<SharedWords> words) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var outcomes = new Dictionary<long, PromiseOutcome>();
            foreach (var (key, value) in form)
            {
                if (key.StartsWith("promise-", StringComparison.Ordinal) && long.TryParse(key["promise-".Length..], out var promiseId) && WireNames.TryParseWire<PromiseOutcome>(value, out var outcome))
                {
                    outcomes[promiseId] = outcome;
                }
            }
            var result = await status.ResolveAsync(id, outcomes, reason, await Forms.RequireAgentAsync(http, db));
            return !result.Succeeded && Said.Of(result.Failure!, words) is { } said
                ? Results.Redirect($"/cases/{id}?error=" + Uri.EscapeDataString(string.Join(" ", said)))
                : Forms.BackToCase(id, result);
        });

        ui.MapPost("/cases/{id:long}/wait", async (long id, HttpContext http, GuichetDb db, ChangeCaseStatus status) =>
            Forms.BackToCase(id, await status.RunAsync(id, StatusChange.WaitForCustomer, await Forms.RequireAgentAsync(http, db))));

        ui.MapPost("/cases/{id:long}/priority", async (long id, [FromForm] string? priority, [FromForm] string? reason, HttpContext http, GuichetDb db, ChangeCasePriority change) =>
            Forms.BackToCase(id, await change.RunAsync(id, priority, reason, await Forms.RequireAgentAsync(http, db))));

        // Several tags may be typed at once, separated by commas (W5).
        ui.MapPost("/cases/{id:long}/tags", async (long id, [FromForm] string? add, [FromForm] string? remove, HttpContext http, GuichetDb db, Core.Cases.Tags.TagCase tag) =>
            Forms.BackToCase(id, await tag.RunAsync(id, new Core.Cases.Tags.TagCaseRequest(Split(add), Split(remove)), await Forms.RequireAgentAsync(http, db))));

        // A view saved from the inbox's filters or its page (W4); back to the view, or to the form with what was refused.
        ui.MapPost("/views", async (HttpContext http, GuichetDb db, Core.Cases.Views.SaveView save) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var result = await save.CreateAsync(ViewForm.RequestOf(form), await Forms.RequireAgentAsync(http, db), http.RequestAborted);
            return result.Succeeded ? Results.Redirect($"/?view={result.Value.Id}")
                : Results.Redirect(Forms.WithError(form.ContainsKey("columns") ? "/views/new" : "/", result.Failure!));
        });

        ui.MapPost("/views/{id:long}", async (long id, HttpContext http, GuichetDb db, Core.Cases.Views.SaveView save) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var result = await save.UpdateAsync(id, ViewForm.RequestOf(form), await Forms.RequireAgentAsync(http, db), http.RequestAborted);
            return result.Succeeded ? Results.Redirect($"/?view={id}") : Results.Redirect(Forms.WithError($"/views/{id}/edit", result.Failure!));
        });

        ui.MapPost("/views/{id:long}/delete", async (long id, HttpContext http, GuichetDb db, Core.Cases.Views.SaveView save) =>
        {
            var result = await save.DeleteAsync(id, await Forms.RequireAgentAsync(http, db));
            return result.Succeeded ? Results.Redirect("/") : Results.Redirect(Forms.WithError($"/?view={id}", result.Failure!));
        });

        ui.MapPost("/cases/{id:long}/reopen", async (long id, HttpContext http, GuichetDb db, ChangeCaseStatus status) =>
            Forms.BackToCase(id, await status.RunAsync(id, StatusChange.Reopen, await Forms.RequireAgentAsync(http, db))));
        return ui;
    }

    private static List<string> Split(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
}
