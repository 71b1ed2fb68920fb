using Guichet.Core.Agents;

namespace Guichet.Core.Cases;

public enum CaseEventKind
{
    StatusChanged,
    Assigned,
    Transferred,
    Escalated,
    Note,
    PromiseMade,
    PromiseKept,
    PromiseRenegotiated,
    PromiseBroken,
    OwnerAlerted,
    CeilingNear,
    CeilingApprovalRequested,
    CeilingApproved,
    /// <summary>P5: the ceiling came with no manager's approval: the case became a manager's, and the customer was told when the manager will write.</summary>
    CeilingHandedOver,
    /// <summary>A message Guichet sent bounced: the agent must reach the customer another way.</summary>
    DeliveryFailed,
    /// <summary>A call was logged (H4); the detail says its outcome.</summary>
    CallLogged,
    /// <summary>A defect (C3, H4): the customer was told to use another channel instead of being helped or transferred.</summary>
    RedirectedElsewhere,
    /// <summary>The case's customer was merged with another (or the merge undone) by an agent (C2).</summary>
    CustomerMerged,
    /// <summary>Two cases of one problem became one (C1): on the case kept and on the one folded into it.</summary>
    CaseMerged,
    /// <summary>An agent sent a reply despite send guard warnings, with their justification (Q4).</summary>
    GuardOverridden,
    /// <summary>The team's template for an automatic message did not pass the send guard on this case; the shipped text went instead (decision 0015).</summary>
    GuardBlocked,
    /// <summary>The customer wrote again what they had already explained (C5).</summary>
    ReExplained,
    /// <summary>Routing rules or the customer's language chose the team, priority or category (issue 7).</summary>
    Routed,
    /// <summary>The customer is in a declared crisis's region: tagged, urgent, listed fees waived (E3).</summary>
    CrisisJoined,
    /// <summary>A goodwill gesture, granted or waiting for a manager (G2).</summary>
    Goodwill,
    /// <summary>G4: the customer asked to cancel; an offer to stay was made; the cancellation was carried out.</summary>
    CancellationRequested,
    RetentionOffer,
    CancellationCarriedOut,
    /// <summary>A customer's message joined the case (C1); From says why (a reply, the case reference, the subject, a shared reference…), Detail what was seen.</summary>
    Joined,
    /// <summary>C1, unsure: perhaps the same matter as the case in To (its reference), merged in one click.</summary>
    PerhapsSameMatter,
    /// <summary>An agent said the case in To is another matter: the hint is gone.</summary>
    NotSameMatter,
    /// <summary>An agent set the priority by hand (From → To), with why in Detail (issue 24).</summary>
    PriorityChanged,
    /// <summary>A chat visitor gave an address (To) another customer holds (From: their id, Detail: their name): an agent checks, then merges (C2).</summary>
    VisitorSaysAddress,
    /// <summary>A promise marked kept by mistake runs again (issue 24); Detail: what it is.</summary>
    PromiseReopened,
    /// <summary>Tags put on the case (To, comma-separated) by a person, a rule or a bulk action (W5).</summary>
    Tagged,
    /// <summary>Tags taken off the case (From, comma-separated).</summary>
    Untagged,
    /// <summary>Custom fields filled, changed or cleared (To: their keys, comma-separated).</summary>
    FieldsChanged,
    /// <summary>A message (and perhaps what followed) moved to a new case of its own (issue 26); To: that case's reference.</summary>
    SplitInto,
    /// <summary>This case was split from another (From: its reference).</summary>
    SplitFrom,
    /// <summary>An automation rule ran (W7): To its name, Detail what each action did.</summary>
    RuleRan,
    /// <summary>A service level's target moved earlier with the case's priority (W8): From → To, Detail what.</summary>
    TargetMoved,
    /// <summary>The case was brought from another help desk (W10): To its number there, Detail the tool and number.</summary>
    Imported,
}

/// <summary>Something that happened on a case: the timeline beside the messages (SPEC K2).</summary>
public sealed class CaseEvent
{
    public long Id { get; private set; }
    public long CaseId { get; private set; }
    public CaseEventKind Kind { get; init; }
    public DateTimeOffset At { get; init; }
    public long? ActorId { get; init; }
    /// <summary>Who did it, kept as text so the timeline survives an agent's departure; "Guichet" for automation.</summary>
    public string ActorName { get; internal set; } = "";
    /// <summary>The automation rule that made this change (W7): rules do not run on what rules did, so they cannot loop.</summary>
    public long? RuleId { get; internal set; }
    public string? From { get; init; }
    public string? To { get; init; }
    public string? Detail { get; init; }

    public const string SystemActor = "Guichet";

    public static CaseEvent Create(CaseEventKind kind, DateTimeOffset at, Agent? actor, string? from, string? to, string? detail = null) => new()
    {
        Kind = kind,
        At = at,
        ActorId = actor?.Id,
        ActorName = actor?.Name ?? SystemActor,
        From = from,
        To = to,
        Detail = detail,
    };

    /// <summary>For an event added by id rather than through its case's collection.</summary>
    public CaseEvent On(long caseId)
    {
        CaseId = caseId;
        return this;
    }
}
