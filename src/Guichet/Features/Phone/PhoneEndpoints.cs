using Guichet.Features.Permissions;
using Guichet.Hosting.Web;
using Guichet.Core;
using Guichet.Core.Cases;
using Guichet.Core.Data;
using Guichet.Core.Metrics;
using Guichet.Core.Phone;
using Guichet.Features.Cases;

namespace Guichet.Features.Phone;

/// <summary>
/// The hotline (H4): `POST /api/channels/phone/calls` for a phone system (the answering agent by
/// address), `POST /api/cases/{id}/calls` for an agent logging a call on a case, and the figures.
/// </summary>
public static class PhoneEndpoints
{
    public sealed record CallDto(long Id, string? CallId, long CaseId, long MessageId, string? Caller, string? Callee, DateTimeOffset Start, DateTimeOffset End, long? AgentId, string Outcome, bool OpenedTheCase, bool Duplicate);

    public sealed record CallOnCase(string? Caller, string? Callee, DateTimeOffset? Start, DateTimeOffset? End, string? Outcome, string? Notes);

    private static IResult Answer(LogCall.Logged logged)
    {
        var (call, caseId, duplicate) = logged;
        var dto = new CallDto(call.Id, call.CallId, caseId, call.MessageId, call.Caller, call.Callee, call.StartedAt, call.EndedAt, call.AgentId, call.Outcome.ToWire(), call.OpenedTheCase, duplicate);
        return duplicate ? Results.Ok(dto) : Results.Created($"/api/cases/{caseId}", dto);
    }

    public static RouteGroupBuilder MapPhone(this RouteGroupBuilder api)
    {
        api.MapPost("/channels/phone/calls", async (HttpContext http, LogCall log) =>
        {
            var (request, problem) = await JsonBody.ReadAsync<LogCallRequest>(http);
            if (problem is not null)
            {
                return problem;
            }
            var result = await log.RunAsync(request!, null, http.RequestAborted);
            return result.Succeeded ? Answer(result.Value) : Problems.From(result.Failure!);
        })
        .WithTags("Phone")
        .IsChannelDoor()
        .Produces<CallDto>(StatusCodes.Status201Created)
        .Produces<CallDto>()
        .WithSummary("A phone system reports a call (caller, callee, start, end, agent, outcome, callId): it lands on the caller's open case or opens one; a repeated callId is not logged twice.")
            .Accepts<LogCallRequest>("application/json")
            .NamesInBody("caseId", CaseInViewHandler.Target.Case)
            .NamesInBody("callId", "the phone system's own id of the call");

        api.MapPost("/cases/{id:long}/calls", (long id, HttpContext http, GuichetDb db, LogCall log) =>
            CaseEndpoints.WithActor<CallOnCase, LogCall.Logged>(http, db,
                (call, agent) => log.RunAsync(new LogCallRequest(id, call.Caller, call.Callee, call.Start, call.End, null, call.Outcome, call.Notes), agent, http.RequestAborted),
                Answer))
        .WithTags("Phone")
        .Produces<CallDto>(StatusCodes.Status201Created)
        .Produces<CallDto>()
        .WithSummary("Log a call on this case, answered by the signed-in agent.")
            .Accepts<CallOnCase>("application/json");

        api.MapGet("/metrics/phone", async (HttpContext http, GuichetDb db, CancellationToken ct) =>
        {
            var query = new QueryParams(http.Request);
            var from = query.Time("from");
            var to = query.Time("to");
            return query.Errors.Any ? Problems.From(query.Errors.ToFailure()) : Results.Ok(await PhoneFigures.ReadAsync(db, from, to, ct));
        })
        .WithTags("Metrics")
        .Produces<Core.Metrics.PhoneFigures>()
        .WithSummary("Calls, answered, missed, voicemails, redirections (defects) and first-contact resolution (H4).");
        return api;
    }
}
