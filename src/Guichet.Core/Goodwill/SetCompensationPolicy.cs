using Guichet.Core.Cases;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Goodwill;

/// <summary>One cell of the matrix as written in PUT /api/goodwill/policy.</summary>
public sealed record CompensationRuleRequest(string? Tier, string? IncidentKind, int? FromRecurrence, string? Gesture, decimal? Amount = null, int? SharePercent = null, string? Currency = null);

/// <summary>Replaces the compensation policy (SPEC G1, admins), every refusal naming the cell and field ("[1].gesture").</summary>
public sealed class SetCompensationPolicy(GuichetDb db)
{
    public async Task<Result<IReadOnlyList<CompensationRule>>> RunAsync(IReadOnlyList<CompensationRuleRequest> cells, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var rules = new List<CompensationRule>();
        for (var i = 0; i < cells.Count; i++)
        {
            var c = cells[i];
            var at = $"[{i}].";
            if (!WireNames.TryParseWire<GestureKind>(c.Gesture, out var gesture))
            {
                errors.Add(at + "gesture", "The gesture is apology, refund, refundShare, credit, points, callReimbursement or voucher.");
            }
            else if (gesture == GestureKind.Voucher)
            {
                errors.Add(at + "gesture", "A policy never offers a voucher: refund is the money gesture; a voucher is only ever the customer's choice.");
            }
            if (c.FromRecurrence is < 1 or > 100)
            {
                errors.Add(at + "fromRecurrence", "Recurrence counts incidents from 1.");
            }
            if (gesture == GestureKind.RefundShare && c.SharePercent is not (> 0 and <= 100))
            {
                errors.Add(at + "sharePercent", "A refund share is between 1 and 100 %.");
            }
            if (gesture is GestureKind.Refund or GestureKind.Credit or GestureKind.CallReimbursement or GestureKind.Points && c.Amount is not > 0)
            {
                errors.Add(at + "amount", "This gesture needs an amount above zero.");
            }
            var currency = c.Currency ?? "EUR";
            if (!Money.IsCurrency(currency))
            {
                errors.Add(at + "currency", "A currency is an ISO 4217 code such as EUR.");
            }
            rules.Add(new CompensationRule
            {
                Tier = string.IsNullOrWhiteSpace(c.Tier) ? CompensationRule.Any : c.Tier.Trim().ToLowerInvariant(),
                IncidentKind = string.IsNullOrWhiteSpace(c.IncidentKind) ? CompensationRule.Any : c.IncidentKind.Trim().ToLowerInvariant(),
                FromRecurrence = c.FromRecurrence ?? 1,
                Gesture = gesture,
                AmountMinor = c.Amount is { } amount ? gesture == GestureKind.Points ? (long)amount : Money.Of(amount, currency).Minor : null,
                SharePercent = c.SharePercent,
                Currency = currency,
            });
        }
        if (errors.Any)
        {
            return errors;
        }
        db.CompensationRules.RemoveRange(await db.CompensationRules.ToListAsync(ct));
        db.CompensationRules.AddRange(rules);
        await db.SaveChangesAsync(ct);
        return rules;
    }
}
