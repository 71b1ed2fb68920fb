using Guichet.Core;
using Guichet.Core.Cases;
using Guichet.Core.Cases.Views;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Cases;

/// <summary>Views (SPEC W4): saved filters over cases, personal or shared, with their counts.</summary>
public static class ViewEndpoints
{
    public sealed record ViewDto(
        long Id, string Name, string Share, string? Status, string? Team, string? Owner, string? Tag, string? Priority, string? Channel,
        int? DueWithinHours, bool CustomerWaiting, string Sort, long? Organisation, IReadOnlyDictionary<string, string> CustomFields, IReadOnlyList<string> Columns,
        int? Count = null, bool? CountFresh = null)
    {
        public static ViewDto From(View v, int? count = null, bool? fresh = null) => new(
            v.Id, v.Name, v.OwnerId is not null ? "me" : v.TeamId is not null ? "team" : "everyone", v.Status, v.Team, v.Owner, v.Tag,
            v.Priority?.ToWire(), v.Channel?.ToWire(), v.DueWithinHours, v.CustomerWaiting, v.Sort, v.OrganisationId,
            new FieldCriteria(v.Fields).Each().ToDictionary(f => f.Key, f => f.Value), v.Columns.Count == 0 ? ViewColumns.Default : v.Columns, count, fresh);
    }

    public static RouteGroupBuilder MapViews(this RouteGroupBuilder api)
    {
        var views = api.MapGroup("/views").WithTags("Views");

        views.MapGet("/", async (bool? fresh, HttpContext http, GuichetDb db, TimeProvider clock, CaseCounts counts, CancellationToken ct) =>
            await http.CurrentAgentAsync(db) is { } me
                ? TypedResults.Ok((await ViewFilter.CountedAsync(db, me, clock.Now(), counts, ct, fresh == true ? ViewFilter.Counting.Exact : ViewFilter.Counting.Sidebar)).Select(c => ViewDto.From(c.View, c.Count, c.Fresh)).ToList())
                : Results.Unauthorized())
        .Produces<List<ViewDto>>()
        .WithSummary("The views the caller sees (their own, their team's, everyone's), each with its count: countFresh false when cases changed since it was counted and a new count is under way; fresh=true counts each again now.");

        views.MapPost("/", (HttpContext http, GuichetDb db, SaveView save) =>
            CaseEndpoints.WithActor<ViewRequest, View>(http, db, (r, me) => save.CreateAsync(r, me, http.RequestAborted),
                v => TypedResults.Created($"/api/views/{v.Id}", ViewDto.From(v))))
        .Accepts<ViewRequest>("application/json")
        .Produces<ViewDto>(StatusCodes.Status201Created)
        .ProducesValidationProblem()
        .WithSummary("Save a view: name, share (me, team: a lead's team, everyone: admins), status (active, all or one), team, owner (me, nobody, an id), tag, priority, channel, dueWithinHours, customerWaiting, organisation (an id), customFields {key: value}, sort (due, newest, updated, priority), columns (due, reference, subject, customer, organisation, team, owner, status, priority, channel, contacts, created, updated, tags, field.<key>).");

        views.MapPut("/{id:long}", (long id, HttpContext http, GuichetDb db, SaveView save) =>
            CaseEndpoints.WithActor<ViewRequest, View>(http, db, (r, me) => save.UpdateAsync(id, r, me, http.RequestAborted), v => TypedResults.Ok(ViewDto.From(v))))
        .Accepts<ViewRequest>("application/json")
        .Produces<ViewDto>()
        .ProducesValidationProblem()
        .WithSummary("Change a view: your own, your team's if you lead it, any if you are an admin.");

        views.MapDelete("/{id:long}", (long id, HttpContext http, GuichetDb db, SaveView save) =>
            CaseEndpoints.AsActor(http, db, me => save.DeleteAsync(id, me, http.RequestAborted), _ => TypedResults.NoContent()))
        .ProducesNothing()
        .WithSummary("Remove a view you may change.");

        views.MapGet("/{id:long}/cases", async (long id, int? page, int? pageSize, string? after, HttpContext http, GuichetDb db, TimeProvider clock, CaseCounts counts, CancellationToken ct) =>
        {
            if (await http.CurrentAgentAsync(db) is not { } me)
            {
                return Results.Unauthorized();
            }
            var view = await db.Views.AsNoTracking().UsableBy(me).FirstOrDefaultAsync(v => v.Id == id, ct);
            if (view is null)
            {
                return Problems.From(Failure.NotFound("id", $"There is no view {id} you may read."));
            }
            var filter = ViewFilter.Of(view, me, clock.Now(), Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? 50, 1, 100));
            var query = new QueryParams(http.Request);
            var cursor = (CaseList.Orders.GetValueOrDefault(filter.Sort) ?? CaseList.Orders["due"]).Read(query);
            if (query.Errors.Any)
            {
                return Problems.From(query.Errors.ToFailure());
            }
            return TypedResults.Ok(await CaseList.ReadAsync(db, filter with { After = cursor }, me, counts, ct));
        })
        .Produces<Page<CaseSummaryDto>>()
        .WithSummary("The cases of a view, in its order, as the caller sees them (\"me\" is the caller); page by page or after the previous answer's next cursor.");

        views.MapGet("/{id:long}/export", async (long id, HttpContext http, GuichetDb db, TimeProvider clock, CancellationToken ct) =>
        {
            if (await http.CurrentAgentAsync(db) is not { } me)
            {
                return Results.Unauthorized();
            }
            var view = await db.Views.AsNoTracking().UsableBy(me).FirstOrDefaultAsync(v => v.Id == id, ct);
            if (view is null)
            {
                return Problems.From(Failure.NotFound("id", $"There is no view {id} you may read."));
            }
            await ViewExport.WriteAsync(http, db, view, me, clock.Now(), ct);
            return Results.Empty;
        })
        .ProducesFile("text/csv")
        .WithSummary($"The cases of a view as CSV, in its order, as the caller sees them: id, then the view's columns (custom fields as their values), at most {ViewExport.MaxRows} rows.");
        return api;
    }
}
