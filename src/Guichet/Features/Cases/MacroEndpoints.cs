using Guichet.Core;
using Guichet.Core.Cases;
using Guichet.Core.Cases.Macros;
using Guichet.Core.Data;
using Guichet.Features.Permissions;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Cases;

/// <summary>Macros (SPEC W6): named sets of actions, previewed on a case before anything leaves, then applied.</summary>
public static class MacroEndpoints
{
    public sealed record MacroDto(
        long Id, string Name, string Share, string? Note, IReadOnlyList<string> AddTags, IReadOnlyList<string> RemoveTags, string? Priority,
        string? AssignTo, string? PromiseWhat, double? PromiseInBusinessHours, string? ReplyTemplate, string? Status)
    {
        public static MacroDto From(Macro m) => new(
            m.Id, m.Name, m.OwnerId is not null ? "me" : m.TeamId is not null ? "team" : "everyone", m.Note, Macro.Split(m.AddTags), Macro.Split(m.RemoveTags),
            m.Priority?.ToWire(), m.AssignTo, m.PromiseWhat, m.PromiseInBusinessHours, m.ReplyTemplate, m.Status);
    }

    public sealed record StepsDto(IReadOnlyList<MacroStep> Steps);

    /// <summary>The macros a person may use: their own, their team's, everyone's.</summary>
    public static async Task<IReadOnlyList<Macro>> UsableAsync(GuichetDb db, Core.Agents.Agent reader, CancellationToken ct) =>
        await db.Macros.AsNoTracking().UsableBy(reader)
            .OrderBy(m => m.Name).ThenBy(m => m.Id).ToListAsync(ct);

    public static RouteGroupBuilder MapMacros(this RouteGroupBuilder api)
    {
        var macros = api.MapGroup("/macros").WithTags("Macros");
        macros.MapGet("/", async (HttpContext http, GuichetDb db, CancellationToken ct) =>
            await http.CurrentAgentAsync(db) is { } me ? TypedResults.Ok((await UsableAsync(db, me, ct)).Select(MacroDto.From).ToList()) : Results.Unauthorized())
        .Produces<List<MacroDto>>()
        .WithSummary("The macros the caller may use: their own, their team's, everyone's.");

        macros.MapPost("/", (HttpContext http, GuichetDb db, SaveMacro save) =>
            CaseEndpoints.WithActor<MacroRequest, Macro>(http, db, (r, me) => save.CreateAsync(r, me, http.RequestAborted),
                m => TypedResults.Created($"/api/macros/{m.Id}", MacroDto.From(m))))
        .Accepts<MacroRequest>("application/json")
        .Produces<MacroDto>(StatusCodes.Status201Created)
        .ProducesValidationProblem()
        .WithSummary("Save a macro: name, share (me, team, everyone), and its steps: note, addTags, removeTags, priority, assignTo (me or an id), promiseWhat with promiseInBusinessHours, replyTemplate (a template key), status (wait, close, resolve).")
            .NamesInBody("assignTo", "a person, who will receive the cases");

        macros.MapDelete("/{id:long}", (long id, HttpContext http, GuichetDb db, SaveMacro save) =>
            CaseEndpoints.AsActor(http, db, me => save.DeleteAsync(id, me, http.RequestAborted), _ => TypedResults.NoContent()))
        .ProducesNothing()
        .WithSummary("Remove a macro: your own, your team's if you lead it, any if you are an admin.");

        api.MapPost("/cases/{id:long}/macros/{macroId:long}/preview", (long id, long macroId, HttpContext http, GuichetDb db, ApplyMacro apply) =>
            CaseEndpoints.AsActor(http, db, me => apply.PreviewAsync(id, macroId, me, http.RequestAborted), steps => TypedResults.Ok(new StepsDto(steps))))
        .WithTags("Macros")
        .Produces<StepsDto>()
        .WithSummary("What the macro would do on this case, the reply as it would leave with the send guard's verdict; nothing is changed or sent.")
            .TakesNoBody();

        api.MapPost("/cases/{id:long}/macros/{macroId:long}/apply", (long id, long macroId, HttpContext http, GuichetDb db, ApplyMacro apply) =>
            CaseEndpoints.AsActor(http, db, me => apply.RunAsync(id, macroId, me, http.RequestAborted), steps => TypedResults.Ok(new StepsDto(steps))))
        .WithTags("Macros")
        .Produces<StepsDto>()
        .WithSummary("Apply the macro: each step done or refused with why (a refused reply leaves the status as it was).")
            .TakesNoBody();
        return api;
    }

    public static RouteGroupBuilder MapMacroForms(this RouteGroupBuilder ui)
    {
        ui.MapPost("/cases/{id:long}/macros/{macroId:long}", async (long id, long macroId, HttpContext http, GuichetDb db, ApplyMacro apply) =>
        {
            var result = await apply.RunAsync(id, macroId, await Forms.RequireAgentAsync(http, db), http.RequestAborted);
            if (!result.Succeeded)
            {
                return Results.Redirect(Forms.WithError($"/cases/{id}", result.Failure!));
            }
            var refused = result.Value.Where(s => !s.Done).Select(s => $"{s.Kind}: {s.Refused}").ToList();
            return Results.Redirect(refused.Count == 0 ? $"/cases/{id}" : $"/cases/{id}?error={Uri.EscapeDataString(string.Join(" · ", refused))}");
        });
        return ui;
    }
}
