namespace Guichet.Core.Automations;

/// <summary>
/// POST/PUT /api/rules: a rule's name, when it runs (<see cref="RuleTriggers"/>, with business
/// hours for a time), its conditions and actions as rows, whether it is active, where it runs in
/// the order, and the team it is limited to (a slug; a lead's rules are always their team's).
/// </summary>
public sealed record RuleRequest(
    string? Name,
    string? When,
    double? Hours = null,
    IReadOnlyList<RuleCondition>? Conditions = null,
    IReadOnlyList<RuleAction>? Actions = null,
    bool? Active = null,
    int? Position = null,
    string? Team = null);
