using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Goodwill;

/// <summary>
/// Reads the policy for a customer and an incident (SPEC G1): the most specific matching rule
/// wins (a named tier before "*", a named kind before "*", then the highest recurrence reached).
/// Without any matching rule the gesture is an apology: there is always at least that.
/// </summary>
public static class CompensationPolicy
{
    public const int RecurrenceDays = 365;

    /// <summary>The customer's incidents of a kind in the last twelve months (their cases of that category), this one included: at least one.</summary>
    public static async Task<int> RecurrenceAsync(Data.GuichetDb db, long customerId, string kind, DateTimeOffset now, CancellationToken ct)
    {
        var since = now.AddDays(-RecurrenceDays);
        return Math.Max(1, await db.Cases.CountAsync(c => c.CustomerId == customerId && c.Category == kind && c.CreatedAt >= since, ct));
    }

    /// <summary>What a rule gives, in minor units: its fixed amount, or its share of what the customer paid; null when a share has nothing to apply to.</summary>
    public static long? AmountOf(CompensationRule rule, decimal? paid, string currency) => rule.Gesture switch
    {
        GestureKind.Apology => 0,
        GestureKind.RefundShare => paid is > 0 && rule.SharePercent is { } share ? Money.Of(paid.Value * share / 100m, currency).Minor : null,
        _ => rule.AmountMinor,
    };

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
