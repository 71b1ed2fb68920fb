using Guichet.Core;
using Guichet.Core.Cases;
using Guichet.Core.Cases.Bulk;
using Guichet.Core.Cases.Views;
using Guichet.Core.Data;
using Guichet.Features.Permissions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Cases;

/// <summary>Bulk actions (SPEC W6): one action on many cases, a result per case.</summary>
public static class BulkEndpoints
{
    private static readonly Keyset<BulkJobItem> InOrder = new("bulk.cases", (i => i.Position, false));

    public sealed record BulkJobDto(long Id, string Scope, string Action, string State, int Total, int Processed, int Done, int Refused, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt)
    {
        public static BulkJobDto From(BulkJob job) => new(job.Id, job.Scope,
            System.Text.Json.JsonSerializer.Deserialize<BulkRequest>(job.Request)?.Action ?? "",
            job.IsFinished ? "finished" : job.Processed > 0 || job.ClaimedBy is not null ? "running" : "waiting",
            job.Total, job.Processed, job.Done, job.Refused, job.CreatedAt, job.FinishedAt);
    }

    public sealed record BulkItemDto(long CaseId, string? Reference, string State, string? Refused);

    /// <summary>A job its reader may follow: their own, or any for an admin; null otherwise (404, never a hint it exists).</summary>
    public static async Task<BulkJob?> JobOfAsync(HttpContext http, GuichetDb db, long id, CancellationToken ct)
    {
        var me = await http.CurrentAgentAsync(db);
        var job = await db.BulkJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct);
        return job is not null && me is not null && (job.ActorId == me.Id || me.Role == Core.Agents.AgentRole.Admin) ? job : null;
    }

    private static IResult NotFound(long id) => Problems.From(Failure.NotFound("id", $"There is no bulk job {id} of yours."));

    public static RouteGroupBuilder MapBulk(this RouteGroupBuilder api)
    {
        api.MapPost("/cases/bulk", async (HttpContext http, GuichetDb db, ActOnCases act, StartBulkJob start, BulkJobRunner runner, TimeProvider clock) =>
        {
            var (request, problem) = await JsonBody.ReadAsync<BulkRequest>(http);
            if (problem is not null)
            {
                return problem;
            }
            if (await http.CurrentAgentAsync(db) is not { } actor)
            {
                return TypedResults.Unauthorized();
            }
            if (request!.View is null && request.Filter is null && (request.Cases?.Count ?? 0) <= ActOnCases.MaxCases)
            {
                return Problems.Ok(await act.RunAsync(request, actor, http.RequestAborted), r => TypedResults.Ok(r));
            }
            var chosen = await BulkSelection.ResolveAsync(db, request, actor, clock.GetUtcNow(), http.RequestAborted);
            if (!chosen.Succeeded)
            {
                return Problems.From(chosen.Failure!);
            }
            var job = await start.RunAsync(request, chosen.Value.Ids, chosen.Value.Scope, actor, http.RequestAborted);
            if (!job.Succeeded)
            {
                return Problems.From(job.Failure!);
            }
            runner.Wake();
            return TypedResults.Accepted($"/api/bulk-jobs/{job.Value.Id}", BulkJobDto.From(job.Value));
        })
        .WithTags("Cases")
        .Accepts<BulkRequest>("application/json")
        .Produces<BulkResult>()
        .Produces<BulkJobDto>(StatusCodes.Status202Accepted)
        .ProducesValidationProblem()
        .WithSummary("One action on many cases: assign (ownerId), transfer (team, note), tag/untag (tags), status (wait, reopen, close, resolve), priority (priority, reason), macro (macroId). Up to 1,000 ids: done now, each case done or refused with its reason. A view, a filter (GET /api/cases's query string) or more ids (≤ 100,000): a background job (202), followed at /api/bulk-jobs/{id}.")
            .NamesInBody("cases", "case ids, each checked against what the caller may see (refused as not found otherwise)")
            .NamesInBody("ownerId", "a person, who receives the cases")
            .NamesInBody("macroId", "a macro the caller may use (their own, their team's, everyone's; refused otherwise)")
            .NamesInBody("view", "a view the caller may read (refused otherwise); its cases as the caller sees them");

        var jobs = api.MapGroup("/bulk-jobs").WithTags("Cases");
        jobs.MapGet("/{id:long}", async (long id, HttpContext http, GuichetDb db, CancellationToken ct) =>
            await JobOfAsync(http, db, id, ct) is { } job ? Results.Ok(BulkJobDto.From(job)) : NotFound(id))
        .Produces<BulkJobDto>()
        .WithSummary("A bulk job's progress: cases processed, done and refused out of its total; finished or not. Its starter's and admins'.");

        jobs.MapGet("/{id:long}/cases", async (long id, string? state, HttpContext http, GuichetDb db, CancellationToken ct) =>
        {
            if (await JobOfAsync(http, db, id, ct) is null)
            {
                return NotFound(id);
            }
            var query = new QueryParams(http.Request);
            var (page, pageSize) = query.Paging();
            var after = InOrder.Read(query);
            BulkItemState? wanted = null;
            if (state is not null)
            {
                if (WireNames.TryParseWire<BulkItemState>(state, out var parsed))
                {
                    wanted = parsed;
                }
                else
                {
                    query.Errors.Add("state", $"'{state}' is not a state: waiting, done or refused.");
                }
            }
            if (query.Errors.Any)
            {
                return Problems.From(query.Errors.ToFailure());
            }
            var items = db.BulkJobItems.AsNoTracking().Where(i => i.JobId == id && (wanted == null || i.State == wanted));
            var total = await items.CountAsync(ct);
            var rows = await InOrder.Page(items, after, page, pageSize).ToListAsync(ct);
            var ids = rows.Select(r => r.CaseId).ToList();
            var references = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Reference, ct);
            return Results.Ok(new Page<BulkItemDto>(
                rows.Select(r => new BulkItemDto(r.CaseId, references.GetValueOrDefault(r.CaseId), r.State.ToWire(), r.Refused)).ToArray(), after is null ? page : 1, pageSize, total)
            {
                Next = InOrder.Next(rows.Count == 0 ? null : rows[^1], rows.Count, pageSize),
            });
        })
        .Produces<Page<BulkItemDto>>()
        .WithPaging()
        .WithSummary("A bulk job's cases in the order chosen, each waiting, done or refused with the reason; state= for one of them.");
        return api;
    }

    /// <summary>The inbox's selection: the action's choice reads "assign-me", "tag", "untag", "status:wait", "priority:high"…</summary>
    public static RouteGroupBuilder MapBulkForm(this RouteGroupBuilder ui)
    {
        ui.MapPost("/cases/bulk", async ([FromForm] long[]? ids, [FromForm] string? action, [FromForm] string? tags, [FromForm] string? back,
            [FromForm] string? all, [FromForm] string? status, [FromForm] string? team, [FromForm] string? mine, [FromForm] string? waiting, [FromForm] string? tag, [FromForm] long? view,
            HttpContext http, GuichetDb db, ActOnCases act, StartBulkJob start, BulkJobRunner runner, TimeProvider clock) =>
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
            if (all == "1")
            {
                // Every case of the list shown, not only those ticked: a background job, followed on its page.
                var shown = view is { } id ? await db.Views.AsNoTracking().UsableBy(me).FirstOrDefaultAsync(v => v.Id == id, http.RequestAborted) : null;
                var filter = InboxData.FilterOf(new InboxData.Query(status ?? "active", team, mine == "1", 1, waiting == "1", tag, view), me, shown, clock.GetUtcNow()) with { Page = 1 };
                var chosen = await BulkSelection.OfFilterAsync(db, filter, me, shown is null ? "inbox" : $"view \"{shown.Name}\"", "view", http.RequestAborted);
                var job = chosen.Succeeded ? await start.RunAsync(request with { Cases = null }, chosen.Value.Ids, chosen.Value.Scope, me, http.RequestAborted) : (Core.Result<BulkJob>)chosen.Failure!;
                if (!job.Succeeded)
                {
                    return Results.Redirect(Forms.WithError(page, job.Failure!));
                }
                runner.Wake();
                return Results.Redirect($"/bulk/{job.Value.Id}");
            }
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
