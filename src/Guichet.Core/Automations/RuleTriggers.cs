using Guichet.Core.Webhooks;

namespace Guichet.Core.Automations;

/// <summary>
/// When a rule runs (W7). Changes use the webhooks' event names (a case opened, the customer wrote,
/// an agent replied, status, priority, owner, team or tags changed); times are counted in the
/// case's team's business hours: a promise due within N hours, waiting N hours on the customer
/// (the case waits on them) or on us (the customer wrote last).
/// </summary>
public static class RuleTriggers
{
    public const string PromiseDueWithin = "promise.due_within";
    public const string WaitingOnCustomer = "case.waiting_on_customer";
    public const string WaitingOnUs = "case.waiting_on_us";

    public static readonly IReadOnlyList<string> OnChange =
    [
        WebhookEvents.CaseOpened, WebhookEvents.CustomerWrote, WebhookEvents.AgentReplied,
        "case.status_changed", "case.priority_changed", "case.assigned", "case.transferred", "case.tags_changed",
    ];

    public static readonly IReadOnlyList<string> OnTime = [PromiseDueWithin, WaitingOnCustomer, WaitingOnUs];

    public static readonly IReadOnlyList<string> All = [.. OnChange, .. OnTime];

    public static bool IsTimed(string when) => OnTime.Contains(when);
}
