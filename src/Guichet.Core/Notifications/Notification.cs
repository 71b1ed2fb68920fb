using Guichet.Core.Agents;

namespace Guichet.Core.Notifications;

public enum NotificationKind
{
    /// <summary>A promise you own falls due soon: keep it before the customer is sent a new date (P3).</summary>
    PromiseDueSoon,
    /// <summary>A case of your team nears its ceiling (P5).</summary>
    CeilingNear,
    /// <summary>A renegotiation would pass the ceiling: a manager's approval is needed (P5).</summary>
    CeilingApprovalNeeded,
    /// <summary>A case reached its ceiling with no approval and is yours now: the customer was told when you will write (P5).</summary>
    CeilingHandedOver,
    /// <summary>A customer answered the survey unhappy (CSAT 1–2) or said it was hard (effort 6–7): call them back (M1).</summary>
    LowSatisfaction,
    /// <summary>A third party answered a side conversation on your case (issue 26).</summary>
    ThirdPartyAnswered,
    /// <summary>An outbound webhook kept failing and was paused (W10): an admin resumes it once the endpoint answers.</summary>
    WebhookPaused,
    /// <summary>An automation rule asked for someone to be told (W7).</summary>
    RuleRan,
}

/// <summary>Something an agent must see in the workspace, about one case.</summary>
public sealed class Notification
{
    public long Id { get; private set; }
    public long AgentId { get; init; }
    public Agent Agent { get; init; } = null!;
    public long CaseId { get; init; }
    public long? PromiseId { get; init; }
    public NotificationKind Kind { get; init; }
    public required string Text { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ReadAt { get; set; }
}
