namespace Guichet.Core.Automations;

/// <summary>
/// An admin's (or a lead's, for their team) if-this-then-that rule (SPEC W7): when something
/// happens on a case (<see cref="RuleTriggers"/>) or a time comes, if every condition holds, do
/// the actions in order. Rules run in <see cref="Position"/> order; each run is an event on the
/// case naming the rule. Conditions and actions are rows of fields, not a language.
/// </summary>
public sealed class Rule
{
    public long Id { get; private set; }
    public required string Name { get; set; }
    public int Position { get; set; }
    public bool Active { get; set; } = true;
    /// <summary>A lead's rule sees only its team's cases; null for an admin's rule over every team.</summary>
    public long? TeamId { get; set; }
    public long? CreatedById { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>A trigger's name (<see cref="RuleTriggers"/>).</summary>
    public required string When { get; set; }
    /// <summary>Business hours for a time trigger (due within, waiting for).</summary>
    public double? Hours { get; set; }
    public List<RuleCondition> Conditions { get; set; } = [];
    public List<RuleAction> Actions { get; set; } = [];

    public bool IsTimed => RuleTriggers.IsTimed(When);

    /// <summary>How the case's timeline names who acted.</summary>
    public string ActorName => $"Règle « {Name} »";
}

/// <summary>One condition: a field of the case (<see cref="RuleConditions.Fields"/>), how it compares, and to what.</summary>
public sealed record RuleCondition(string Field, string Op, string Value);

/// <summary>One action (<see cref="RuleActions.Kinds"/>) with its value, and business hours for a promise.</summary>
public sealed record RuleAction(string Kind, string Value, double? Hours = null);

/// <summary>A rule ran on a case for one occurrence (<see cref="Key"/>): a time rule runs once per occurrence, across nodes.</summary>
public sealed class RuleRun
{
    public long Id { get; private set; }
    public long RuleId { get; init; }
    public long CaseId { get; init; }
    /// <summary>What it ran for: "m12" (a message), "e34" (an event), "w56@…" (a wait that began then), "p78@1" (a promise after one renegotiation).</summary>
    public required string Key { get; init; }
    public DateTimeOffset At { get; init; }
}
