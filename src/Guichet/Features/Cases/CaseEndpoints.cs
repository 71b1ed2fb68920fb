using Guichet.Core.Promises;
using Guichet.Features.Permissions;
using Guichet.Hosting.Web;
using Guichet.Core;
using Guichet.Core.Cases;
using Guichet.Core.Data;
using Guichet.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Cases;

public static class CaseEndpoints
{
    public sealed record AssignRequest(long? OwnerId);
    public sealed record NoteRequest(string? Text);
    /// <summary>To a team, or to a person (agentId; their team follows); the note is required.</summary>
    public sealed record TransferRequest(string? Team, string? Note, long? AgentId = null);
    public sealed record CeilingApprovalRequest(DateTimeOffset? Until, string? Reason);
    public sealed record PriorityRequest(string? Priority, string? Reason);
    /// <summary>What became of each open promise ("kept" or "broken", by promise id), and why one was not kept.</summary>
    public sealed record ResolveRequest(Dictionary<string, string>? Promises, string? Reason);

    public static RouteGroupBuilder MapCases(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases").WithTags("Cases");
        cases.MapCaseFiles();
        cases.MapConversation();

        cases.MapPost("/", async (HttpContext http, OpenCase open, GuichetDb db, TimeProvider clock) =>
        {
            var (request, problem) = await JsonBody.ReadAsync<OpenCaseRequest>(http);
            if (problem is not null)
            {
                return problem;
            }
            var result = await open.ContactAsync(request!, http.RequestAborted);
            if (!result.Succeeded)
            {
                return Problems.From(result.Failure!);
            }
            var (opened, _, appended) = result.Value;
            if (!appended)
            {
                return TypedResults.Created($"/api/cases/{opened.Id}", CaseDto.From(opened, clock.Now(), opened.Messages.Single(m => m.IsAutomatic)));
            }
            // A follow-up joins the open case: no new acknowledgment, the latest stated date stands.
            var @case = (await db.LoadCaseForReadingAsync(opened.Id, http.RequestAborted))!;
            var stated = @case.Messages.Where(m => m.IsAutomatic).OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).FirstOrDefault();
            return TypedResults.Ok(CaseDto.From(@case, clock.Now(), stated));
        })
        .Accepts<OpenCaseRequest>("application/json")
        .Produces<CaseDto>(StatusCodes.Status201Created)
        .Produces<CaseDto>(StatusCodes.Status200OK)
        .ProducesValidationProblem()
        .WithSummary("A customer contact: opens a case with its first-response promise and acknowledgment (201, SPEC P1), or joins the customer's open case on the same matter (200, SPEC C1).")
            .NamesInBody("internetMessageId", "the message's own Message-ID header, not a record");

        cases.MapGet("/", async (HttpContext http, GuichetDb db) =>
        {
            var query = new QueryParams(http.Request);
            var filter = await CaseList.ParseAsync(query, db, http.RequestAborted);
            return filter is null
                ? Problems.From(query.Errors.ToFailure())
                : TypedResults.Ok(await CaseList.ReadAsync(db, filter, await http.CurrentAgentAsync(db), http.RequestServices.GetRequiredService<CaseCounts>(), http.RequestAborted));
        })
        .Produces<Page<CaseSummaryDto>>()
        .ProducesValidationProblem()
        .WithPaging()
        .WithQuery("status: new, open, waitingOnCustomer, resolved, closed, active (the first three) or all.", "team: a team's slug.", "owner: an agent's id or email.",
            "dueBefore: only cases with a promise due before this time (ISO 8601).", "tag: cases carrying this tag.", "customerWaiting: true for cases whose customer waits for an answer.",
            "organisation: cases of the customers of this organisation (its id).", "sort: due (the inbox's order, default), newest, updated, changed (oldest change first) or priority.")
        .WithSummary("Cases ordered by the next promise due (or sort=). Filters: status (or 'active', 'all'), team, owner, dueBefore, tag, customerWaiting, organisation, field.<key>; page and pageSize ≤ 100, or after= the previous answer's next.");

        cases.MapGet("/{id:long}", async (long id, GuichetDb db, TimeProvider clock, CancellationToken ct) =>
        {
            var @case = await db.LoadCaseForReadingAsync(id, ct);
            return @case is null ? Problems.From(CaseQueries.CaseNotFound(id))
                : TypedResults.Ok(CaseDto.From(@case, clock.Now()) with { CustomFields = await Core.Cases.Fields.SetCaseFields.ValuesAsync(db, id, ct) });
        })
        .Produces<CaseDto>()
        .WithSummary("A case with its messages, promises, events and customer.");

        cases.MapPost("/{id:long}/messages", (long id, HttpContext http, GuichetDb db, PostMessage post) =>
            WithActor<PostMessageRequest, Message>(http, db, (r, actor) => post.RunAsync(id, r, actor, http.RequestAborted),
                m => TypedResults.Created($"/api/cases/{id}", MessageDto.From(m))))
        .Accepts<PostMessageRequest>("application/json")
        .Produces<MessageDto>(StatusCodes.Status201Created)
        .ProducesValidationProblem()
        .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
        .WithSummary("Add a customer message (in) or send a reply (out); a reply passes the send guard or gets 422 with every reason (SPEC Q4). A reply may carry files (ids uploaded to POST /api/cases/{id}/files, and attachments already on the case), copy people (cc replaces the case's copied people; bcc for this reply only).")
            .NamesInBody("templateId", "a template key of the case's own team");

        cases.MapGet("/{id:long}/summary", async (long id, GuichetDb db, CancellationToken ct) =>
            await db.LoadCaseForReadingAsync(id, ct) is { } @case ? Results.Ok(CaseSummary.Of(@case)) : Problems.From(CaseQueries.CaseNotFound(id)))
        .Produces<CaseSummary>()
        .WithSummary("The receiver's card (SPEC C5): what the customer asked, what is promised and by when, what was tried, their tone, transfers and re-explanations.");

        cases.MapPost("/{id:long}/notes", (long id, HttpContext http, GuichetDb db, AddNote add) =>
            WithActor<NoteRequest, CaseEvent>(http, db, (r, actor) => add.RunAsync(id, r.Text, actor, http.RequestAborted),
                e => TypedResults.Created($"/api/cases/{id}", EventDto.Of(e))))
        .Accepts<NoteRequest>("application/json")
        .Produces<EventDto>(StatusCodes.Status201Created)
        .WithSummary("Add an internal note, visible to agents only.");

        cases.MapPost("/{id:long}/assign", (long id, HttpContext http, GuichetDb db, AssignCase assign, TimeProvider clock) =>
            WithActor<AssignRequest, Case>(http, db, (r, actor) => assign.RunAsync(id, r.OwnerId, actor, http.RequestAborted),
                c => TypedResults.Ok(CaseDto.From(c, clock.Now()))))
        .Accepts<AssignRequest>("application/json")
        .Produces<CaseDto>()
        .WithSummary("Give the case a named owner (SPEC C4).")
            .NamesInBody("ownerId", "a person, not a team's record; AssignCase checks who may own the case");

        cases.MapPost("/{id:long}/transfer", (long id, HttpContext http, GuichetDb db, TransferCase transfer, TimeProvider clock) =>
            WithActor<TransferRequest, Case>(http, db, (r, actor) => transfer.RunAsync(id, r.Team, r.AgentId, r.Note, actor, http.RequestAborted),
                c => TypedResults.Ok(CaseDto.From(c, clock.Now()))))
        .Accepts<TransferRequest>("application/json")
        .Produces<CaseDto>()
        .WithSummary("Transfer the case to another team with a note; promises keep their dates (SPEC C3).")
            .NamesInBody("agentId", "a person, who receives the case");

        cases.MapPost("/{id:long}/priority", (long id, HttpContext http, GuichetDb db, ChangeCasePriority change, TimeProvider clock) =>
            WithActor<PriorityRequest, Case>(http, db, (r, actor) => change.RunAsync(id, r.Priority, r.Reason, actor, http.RequestAborted),
                c => TypedResults.Ok(CaseDto.From(c, clock.Now()))))
        .Accepts<PriorityRequest>("application/json")
        .Produces<CaseDto>()
        .WithSummary("Set the case's priority by hand (low, normal, high, urgent), with a reason kept on the timeline.");

        cases.MapPost("/{id:long}/ceiling-approval", (long id, HttpContext http, GuichetDb db, ApproveCeiling approve, TimeProvider clock) =>
            WithActor<CeilingApprovalRequest, Case>(http, db, (r, actor) => approve.RunAsync(id, r.Until, r.Reason, actor, http.RequestAborted),
                c => TypedResults.Ok(CaseDto.From(c, clock.Now()))))
        .RequireAuthorization(Access.Manage)
        .Accepts<CeilingApprovalRequest>("application/json")
        .Produces<CaseDto>()
        .ProducesValidationProblem()
        .WithSummary("Managers: let the case's promises run past its ceiling until a date (SPEC P5); waiting notices go out.");

        // With a body naming the open promises' outcomes, resolving settles them (issue 24); without one it resolves as before.
        cases.MapPost("/{id:long}/resolve", async (long id, HttpContext http, GuichetDb db, ChangeCaseStatus status, TimeProvider clock) =>
        {
            ResolveRequest? request = null;
            // A JSON body, sent with its length or chunked; a bodiless post resolves as it always did.
            if (http.Request.ContentLength != 0 && http.Request.HasJsonContentType())
            {
                (request, var problem) = await JsonBody.ReadAsync<ResolveRequest>(http);
                if (problem is not null)
                {
                    return problem;
                }
            }
            if (request?.Promises is not { } given)
            {
                return await AsActor(http, db, actor => status.RunAsync(id, StatusChange.Resolve, actor, http.RequestAborted), c => TypedResults.Ok(CaseDto.From(c, clock.Now())));
            }
            var outcomes = new Dictionary<long, PromiseOutcome>();
            var errors = new ValidationErrors();
            foreach (var (key, value) in given)
            {
                if (!long.TryParse(key, out var promiseId) || !WireNames.TryParseWire<PromiseOutcome>(value, out var outcome))
                {
                    errors.Add($"promises.{key}", $"Give a promise id and \"kept\" or \"broken\"; got {key}: \"{value}\".");
                    continue;
                }
                outcomes[promiseId] = outcome;
            }
            return errors.Any
                ? Problems.Ok(Result<Case>.Fail(errors.ToFailure()), c => TypedResults.Ok(CaseDto.From(c, clock.Now())))
                : await AsActor(http, db, actor => status.ResolveAsync(id, outcomes, request.Reason, actor, http.RequestAborted), c => TypedResults.Ok(CaseDto.From(c, clock.Now())));
        })
        .Accepts<ResolveRequest>("application/json")
        .Produces<CaseDto>()
        .WithSummary("Resolve the case. Optional body: {\"promises\": {\"<id>\": \"kept\" | \"broken\"}, \"reason\"}: every open promise settled as said, a reason when one was not kept.");

        foreach (var (path, change) in new[] { ("reopen", StatusChange.Reopen), ("wait", StatusChange.WaitForCustomer), ("close", StatusChange.Close) })
        {
            cases.MapPost($"/{{id:long}}/{path}", (long id, HttpContext http, GuichetDb db, ChangeCaseStatus status, TimeProvider clock) =>
                AsActor(http, db, actor => status.RunAsync(id, change, actor, http.RequestAborted), c => TypedResults.Ok(CaseDto.From(c, clock.Now()))))
            .Produces<CaseDto>()
            .WithSummary($"Status change: {path}.")
                .TakesNoBody();
        }
        return api;
    }

    /// <summary>A case with everything the API shows, read without tracking.</summary>
    internal static async Task<IResult> WithActor<TRequest, TResult>(
        HttpContext http, GuichetDb db, Func<TRequest, Core.Agents.Agent, Task<Result<TResult>>> run, Func<TResult, IResult> ok)
        where TRequest : class
    {
        var (request, problem) = await JsonBody.ReadAsync<TRequest>(http);
        if (problem is not null)
        {
            return problem;
        }
        return await AsActor(http, db, actor => run(request!, actor), ok);
    }

    /// <summary>Runs an operation as the agent behind the request (401 when the account is gone) and maps its result.</summary>
    internal static async Task<IResult> AsActor<TResult>(HttpContext http, GuichetDb db, Func<Core.Agents.Agent, Task<Result<TResult>>> run, Func<TResult, IResult> ok)
    {
        var actor = await http.CurrentAgentAsync(db);
        return actor is null ? TypedResults.Unauthorized() : Problems.Ok(await run(actor), ok);
    }
}
