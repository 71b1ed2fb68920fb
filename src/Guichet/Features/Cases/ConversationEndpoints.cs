using Guichet.Core;
using Guichet.Core.Cases;
using Guichet.Core.Data;
using Guichet.Features.Permissions;

namespace Guichet.Features.Cases;

/// <summary>
/// Splitting a message into a case of its own, and side conversations with third parties (issue 26).
/// </summary>
public static class ConversationEndpoints
{
    public sealed record SplitRequest(long? MessageId, bool Following = false);

    public static RouteGroupBuilder MapConversation(this RouteGroupBuilder cases)
    {
        cases.MapPost("/{id:long}/split", (long id, HttpContext http, GuichetDb db, SplitCase split, TimeProvider clock) =>
            CaseEndpoints.WithActor<SplitRequest, Case>(http, db, (r, actor) => split.RunAsync(id, r.MessageId, r.Following, actor, http.RequestAborted),
                created => TypedResults.Created($"/api/cases/{created.Id}", CaseDto.From(created, clock.Now()))))
        .Accepts<SplitRequest>("application/json")
        .Produces<CaseDto>(StatusCodes.Status201Created)
        .ProducesValidationProblem()
        .WithSummary("Move a customer's message {messageId} (and what follows it when following is true) into a new case for the same customer, with its own first-response promise and acknowledgment; both cases point to each other.")
            .NamesInBody("messageId", "a message of the route's own case: SplitCase looks for it there only");

        cases.MapPost("/{id:long}/side-conversations", (long id, HttpContext http, GuichetDb db, SideConversation side) =>
            CaseEndpoints.WithActor<SideConversationRequest, Message>(http, db, (r, actor) => side.RunAsync(id, r, actor, null, http.RequestAborted),
                m => TypedResults.Created($"/api/cases/{id}", MessageDto.From(m))))
        .Accepts<SideConversationRequest>("application/json")
        .Produces<MessageDto>(StatusCodes.Status201Created)
        .ProducesValidationProblem()
        .WithSummary("Write to a third party {to, body, files, attachments} about the case (a carrier, a supplier): a side conversation, threaded on its own, whose answers come back on the case for agents only and notify the owner; the customer never sees it.");
        return cases;
    }
}
