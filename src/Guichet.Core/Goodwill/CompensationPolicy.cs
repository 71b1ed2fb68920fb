namespace Guichet.Core.Goodwill;

/// <summary>
/// Reads the policy for a customer and an incident (SPEC G1): the most specific matching rule
/// wins (a named tier before "*", a named kind before "*", then the highest recurrence reached).
/// Without any matching rule the gesture is an apology: there is always at least that.
/// </summary>
public static class CompensationPolicy
{
    public static CompensationRule Decide(IEnumerable<CompensationRule> rules, string tier, string incidentKind, int recurrence) =>
        rules.Where(r => (r.Tier == CompensationRule.Any || r.Tier == tier)
                         && (r.IncidentKind == CompensationRule.Any || r.IncidentKind == incidentKind)
                         && recurrence >= r.FromRecurrence)
            .OrderByDescending(r => r.Tier != CompensationRule.Any)
            .ThenByDescending(r => r.IncidentKind != CompensationRule.Any)
            .ThenByDescending(r => r.FromRecurrence)
            .FirstOrDefault()
        ?? new CompensationRule { Gesture = GestureKind.Apology };
}
