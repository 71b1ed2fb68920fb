using Guichet.Core.Agents;
using Guichet.Core.Cases;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Guichet.Core.Goodwill;

/// <summary>
/// POST /api/cases/{id}/goodwill. Without a gesture, the policy decides (tier × the case's
/// category as incident kind × recurrence). <see cref="Paid"/> is what the customer paid, for a
/// refund share. A voucher only when <see cref="CustomerChoseVoucher"/>.
/// </summary>
public sealed record GoodwillRequest(string? Gesture = null, decimal? Amount = null, string? Reason = null, decimal? Paid = null, bool CustomerChoseVoucher = false);

/// <summary>
/// Records a gesture on a case (SPEC G1, G2): granted on the spot inside the agent's monthly
/// budget for the team (calendar month in the team's zone), otherwise waiting for a manager.
/// </summary>
public sealed class GrantGoodwill(GuichetDb db, TimeProvider clock)
{
    public async Task<Result<GoodwillEntry>> RunAsync(long caseId, GoodwillRequest request, Agent actor, CancellationToken ct = default)
    {
        var @case = await db.Cases.Include(c => c.Team).Include(c => c.Customer).FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (@case is null)
        {
            return CaseQueries.CaseNotFound(caseId);
        }
        var now = clock.GetUtcNow();
        var errors = new ValidationErrors();
        CompensationRule? rule = null;
        GestureKind gesture;
        if (request.Gesture is null)
        {
            var kind = @case.Category ?? "other";
            var recurrence = await CompensationPolicy.RecurrenceAsync(db, @case.CustomerId, kind, now, ct);
            rule = CompensationPolicy.Decide(await db.CompensationRules.AsNoTracking().ToListAsync(ct), @case.Customer.Tier, kind, recurrence);
            gesture = rule.Gesture;
        }
        else if (!WireNames.TryParseWire(request.Gesture, out gesture))
        {
            errors.Add("gesture", $"'{request.Gesture}' is not a gesture: apology, refund, refundShare, credit, points, callReimbursement, voucher.");
        }
        if (gesture == GestureKind.Voucher && !request.CustomerChoseVoucher)
        {
            errors.Add("gesture", "A voucher binds the customer to the brand that failed them: refund, unless the customer asked for a voucher (customerChoseVoucher).");
        }
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            errors.Add("reason", "Say why the customer is given this gesture.");
        }
        var amount = AmountFor(gesture, rule, request, @case.Team.Currency, errors);
        if (errors.Any)
        {
            return errors;
        }
        var team = @case.Team;
        var month = MonthOf(now, team);
        var money = IsMoney(gesture);
        var spent = money
            ? await db.GoodwillEntries.Where(g => g.AgentId == actor.Id && g.TeamId == team.Id && g.Month == month).Where(GoodwillEntry.Spends).SumAsync(g => g.AmountMinor, ct)
            : 0;
        var withinBudget = !money || spent + amount <= BudgetOf(actor, team);
        var entry = new GoodwillEntry
        {
            CaseId = caseId,
            AgentId = actor.Id,
            TeamId = team.Id,
            Gesture = gesture,
            AmountMinor = amount,
            Currency = team.Currency,
            Reason = request.Reason!.Trim(),
            PolicyRule = rule?.Describe(),
            Status = withinBudget ? GoodwillStatus.Granted : GoodwillStatus.AwaitingApproval,
            At = now,
            Month = month,
        };
        db.GoodwillEntries.Add(entry);
        @case.Events.Add(CaseEvent.Create(CaseEventKind.Goodwill, now, actor, null, entry.Status.ToWire(),
            $"{gesture.ToWire()}{(money ? " " + entry.Amount : gesture == GestureKind.Points ? $" {amount} points" : "")}: {entry.Reason}{(rule is null ? "" : $" (policy: {rule.Describe()})")}"));
        await db.SaveChangesAsync(ct);
        return entry;
    }

    /// <summary>What the agent may give per month in this team: their own budget when a manager set one, else the team's.</summary>
    public static long BudgetOf(Agent agent, Teams.Team team) => agent.GoodwillBudgetMinor ?? team.GoodwillBudgetMinor;

    public static bool IsMoney(GestureKind gesture) => gesture is not (GestureKind.Apology or GestureKind.Points);

    /// <summary>The calendar month a gesture counts against, in the team's time zone.</summary>
    public static string MonthOf(DateTimeOffset at, Teams.Team team)
    {
        var local = Instant.FromDateTimeOffset(at).InZone(team.Calendar.Zone).Date;
        return $"{local.Year:D4}-{local.Month:D2}";
    }

    private static long AmountFor(GestureKind gesture, CompensationRule? rule, GoodwillRequest request, string currency, ValidationErrors errors)
    {
        if (gesture == GestureKind.RefundShare)
        {
            if ((rule is null ? null : CompensationPolicy.AmountOf(rule, request.Paid, currency)) is { } share)
            {
                return share;
            }
            errors.Add("paid", "A refund share needs what the customer paid (paid) and a policy share.");
            return 0;
        }
        if (gesture == GestureKind.Apology)
        {
            return 0;
        }
        if (request.Amount is { } given)
        {
            if (given <= 0 || given > 1_000_000)
            {
                errors.Add("amount", "The amount is between 0 and 1,000,000.");
            }
            return gesture == GestureKind.Points ? (long)given : Money.Of(given, currency).Minor;
        }
        if (rule?.AmountMinor is { } fixedAmount)
        {
            return fixedAmount;
        }
        errors.Add("amount", "Give the amount of the gesture.");
        return 0;
    }
}
