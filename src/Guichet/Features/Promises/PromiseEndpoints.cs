using Guichet.Features.Permissions;
using Guichet.Hosting.Web;
using Guichet.Core;
using Guichet.Core.Cases;
using Guichet.Core.Data;
using Guichet.Core.Promises;
using Guichet.Features.Cases;
using Guichet.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Promises;

public static class PromiseEndpoints
{
    private static readonly Keyset<Core.Promises.Promise> ByDue = new("promises.due", (p => p.DueAt, false), (p => p.Id, false));
    private const int MostCounted = 10_000;

    public sealed record RenegotiateRequest(DateTimeOffset? NewDueAt);

    public static RouteGroupBuilder MapPromises(this RouteGroupBuilder api)
    {
        api.MapPost("/cases/{id:long}/promises", (long id, HttpContext http, GuichetDb db, MakePromise make, TimeProvider clock) =>
            CaseEndpoints.WithActor<MakePromiseRequest, Promise>(http, db, (r, actor) => make.RunAsync(id, r, actor, http.RequestAborted),
                p => TypedResults.Created($"/api/promises/{p.Id}", PromiseDto.From(p, clock.Now()))))
        .Accepts<MakePromiseRequest>("application/json")
        .Produces<PromiseDto>(StatusCodes.Status201Created)
        .ProducesValidationProblem()
        .WithTags("Promises")
        .WithSummary("Record a commitment: what, dueAt or dueInBusinessHours, owner (agent id or email), toConfirm (SPEC P2, P8).");

        var promises = api.MapGroup("/promises").WithTags("Promises");

        promises.MapPost("/{id:long}/keep", (long id, HttpContext http, GuichetDb db, KeepPromise keep, TimeProvider clock) =>
            CaseEndpoints.AsActor(http, db, actor => keep.RunAsync(id, actor, http.RequestAborted), p => TypedResults.Ok(PromiseDto.From(p, clock.Now()))))
        .Produces<PromiseDto>()
        .WithSummary("Mark a promise kept.")
            .TakesNoBody();

        promises.MapPost("/{id:long}/reopen", (long id, HttpContext http, GuichetDb db, ReopenPromise reopen, TimeProvider clock) =>
            CaseEndpoints.AsActor(http, db, actor => reopen.RunAsync(id, actor, http.RequestAborted), p => TypedResults.Ok(PromiseDto.From(p, clock.Now()))))
        .Produces<PromiseDto>()
        .WithSummary("Undo a \"kept\" given by mistake, within 10 minutes: the promise runs again as it was (409 after that, or for a first answer kept by a sent reply).")
            .TakesNoBody();

        promises.MapPost("/{id:long}/renegotiate", (long id, HttpContext http, GuichetDb db, RenegotiatePromise renegotiate, TimeProvider clock) =>
            CaseEndpoints.WithActor<RenegotiateRequest, Promise>(http, db, (r, actor) => renegotiate.RunAsync(id, r.NewDueAt, actor, http.RequestAborted),
                p => TypedResults.Ok(PromiseDto.From(p, clock.Now()))))
        .Accepts<RenegotiateRequest>("application/json")
        .Produces<PromiseDto>()
        .WithSummary("Move a promise's due time later before it lapses; the customer gets a delay notice with the new date (SPEC P3, P4).");

        promises.MapGet("/", async (HttpContext http, GuichetDb db, TimeProvider clock) =>
        {
            var query = new QueryParams(http.Request);
            var stateText = query.Text("state");
            PromiseState? state = null;
            if (stateText is not null)
            {
                if (WireNames.TryParseWire<PromiseState>(stateText, out var s))
                {
                    state = s;
                }
                else
                {
                    query.Errors.Add("state", $"'{stateText}' is not a state; use open, kept, renegotiated or broken.");
                }
            }
            var dueBefore = query.Time("dueBefore");
            var (page, pageSize) = query.Paging();
            var after = ByDue.Read(query);
            if (query.Errors.Any)
            {
                return Problems.From(query.Errors.ToFailure());
            }
            var list = db.Promises.AsNoTracking().VisibleTo(await http.CurrentAgentAsync(db));
            if (state is { } st)
            {
                list = list.Where(p => p.State == st);
            }
            if (dueBefore is { } before)
            {
                list = list.Where(p => p.DueAt < before);
            }
            // Counted up to 10,000 (issue 29): past that the total says "at least" (totalExact false);
            // GET /api/metrics/promises has every state's exact count, kept by the database.
            var total = await list.Take(MostCounted + 1).CountAsync(http.RequestAborted);
            var items = await ByDue.Page(list.Include(p => p.Owner).Include(p => p.Renegotiations), after, page, pageSize)
                .AsSplitQuery()
                .ToListAsync(http.RequestAborted);
            var now = clock.Now();
            return TypedResults.Ok(new Page<PromiseDto>(items.Select(p => PromiseDto.From(p, now)).ToArray(), after is null ? page : 1, pageSize, Math.Min(total, MostCounted))
            {
                Next = ByDue.Next(items.LastOrDefault(), items.Count, pageSize),
                TotalExact = total <= MostCounted,
            });
        })
        .Produces<Page<PromiseDto>>()
        .WithPaging()
        .WithQuery("state: open, kept, renegotiated or broken.", "dueBefore: only promises due before this time (ISO 8601).")
        .WithSummary("Promises across cases, by due time. Filters: state, dueBefore; page, pageSize ≤ 100. The total is counted up to 10,000: past that it is 10,000 with totalExact false.");
        return api;
    }
}
