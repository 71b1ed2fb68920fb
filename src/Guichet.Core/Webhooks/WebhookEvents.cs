using Guichet.Core.Cases;

namespace Guichet.Core.Webhooks;

/// <summary>What a webhook says happened (the JSON body of every delivery, documented in the OpenAPI document).</summary>
/// <param name="Id">The event's own id ("m123", "e456"): the same on every retry, so a receiver can ignore a repeat.</param>
public sealed record WebhookPayload(string Id, string Type, DateTimeOffset OccurredAt, WebhookCase Case, WebhookMessage? Message = null, WebhookChange? Change = null);

/// <summary>The case as it stands; <c>Customer</c> only when the subscription includes content.</summary>
public sealed record WebhookCase(long Id, string Reference, string Subject, string Status, string Priority, string Channel, long TeamId, long? OwnerId, DateTimeOffset? NextDueAt, string? Customer)
{
    /// <param name="customer">The customer's name, or null when the subscription leaves content out.</param>
    public static WebhookCase Of(Case c, string? customer) =>
        new(c.Id, c.Reference, c.Subject, c.Status.ToWire(), c.Priority.ToWire(), c.Channel.ToWire(), c.TeamId, c.OwnerId, c.NextDueAt, customer);
}

/// <summary>A message; its <c>Body</c>, and a customer's name as its <c>Author</c>, only when the subscription includes content.</summary>
public sealed record WebhookMessage(long Id, string Direction, string Kind, string Channel, string? Author, string? Body);

/// <summary>A change on the case, as its timeline shows it (From → To).</summary>
public sealed record WebhookChange(string Kind, string Actor, string? From, string? To);

/// <summary>
/// The event types (W10) and which rows make them: a customer's first message opens a case, later
/// ones are the customer writing; a person's reply; the case's changes of status, owner, team,
/// priority, escalation and tags; promises made, kept, renegotiated, broken and due soon (its owner
/// was alerted); a case caught in a crisis; and <see cref="Urgent"/>. Internal notes and side
/// conversations are the agents' own and are not sent.
/// </summary>
public static class WebhookEvents
{
    public const string CaseOpened = "case.opened";
    public const string CustomerWrote = "case.customer_wrote";
    public const string AgentReplied = "case.agent_replied";

    private static readonly Dictionary<CaseEventKind, string> ByEvent = new()
    {
        [CaseEventKind.StatusChanged] = "case.status_changed",
        [CaseEventKind.Assigned] = "case.assigned",
        [CaseEventKind.Transferred] = "case.transferred",
        [CaseEventKind.PriorityChanged] = "case.priority_changed",
        [CaseEventKind.Escalated] = "case.escalated",
        [CaseEventKind.Tagged] = "case.tags_changed",
        [CaseEventKind.Untagged] = "case.tags_changed",
        [CaseEventKind.PromiseMade] = "promise.made",
        [CaseEventKind.PromiseKept] = "promise.kept",
        [CaseEventKind.PromiseRenegotiated] = "promise.renegotiated",
        [CaseEventKind.PromiseBroken] = "promise.broken",
        [CaseEventKind.OwnerAlerted] = "promise.due_soon",
        [CaseEventKind.CrisisJoined] = "case.crisis",
    };

    /// <summary>A case opened urgent, or made urgent: what a team's chat channel most wants to hear.</summary>
    public const string Urgent = "case.urgent";

    public static readonly IReadOnlyList<string> Types = [CaseOpened, CustomerWrote, AgentReplied, Urgent, .. ByEvent.Values.Distinct()];

    public static IReadOnlyCollection<CaseEventKind> EventKinds => ByEvent.Keys;

    public static string? TypeOf(CaseEventKind kind) => ByEvent.GetValueOrDefault(kind);

    /// <param name="opensCase">It is the message the case was opened with.</param>
    public static string? TypeOf(MessageDirection direction, MessageKind kind, bool automatic, bool opensCase) => (direction, kind) switch
    {
        (MessageDirection.In, MessageKind.Contact) => opensCase ? CaseOpened : CustomerWrote,
        (MessageDirection.Out, MessageKind.Reply) when !automatic => AgentReplied,
        _ => null,
    };
}
