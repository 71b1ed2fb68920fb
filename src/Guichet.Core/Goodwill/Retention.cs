using Guichet.Core.Agents;
using Guichet.Core.Cases;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Goodwill;

/// <summary>
/// A cancellation request (SPEC G4, seeds/002: the cable company that would not let a customer
/// leave). The request is acknowledged like any contact. The agent may make at most the team's
/// number of retention offers (two by default); after that only carrying out the cancellation is
/// allowed, and that is always allowed.
/// </summary>
public sealed class Retention(GuichetDb db, TimeProvider clock)
{
    public async Task<Result<Case>> MarkAsync(long caseId, Agent actor, CancellationToken ct = default)
    {
        var @case = await db.FindCaseAsync(caseId, ct);
        if (@case is null)
        {
            return CaseQueries.CaseNotFound(caseId);
        }
        if (@case.CancellationRequestedAt is null)
        {
            @case.MarkCancellationRequest(actor, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
        }
        return @case;
    }

    public async Task<Result<RetentionOffer>> OfferAsync(long caseId, string? offer, Agent actor, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(offer) || offer.Length > 1000)
        {
            return Failure.Invalid("offer", "Describe the offer (at most 1,000 characters).");
        }
        var @case = await db.FindCaseAsync(caseId, ct);
        if (@case is null)
        {
            return CaseQueries.CaseNotFound(caseId);
        }
        if (@case.CancellationRequestedAt is null)
        {
            return Failure.Conflict("offer", "The case is not a cancellation request: mark it first.");
        }
        if (@case.CancelledAt is not null)
        {
            return Failure.Conflict("offer", "The cancellation is already carried out.");
        }
        var made = await db.RetentionOffers.CountAsync(o => o.CaseId == caseId, ct);
        if (made >= @case.Team.MaxRetentionOffers)
        {
            return new Failure(FailureKind.Refused, new Dictionary<string, string[]>
            {
                ["offer"] = [$"{made} offers were already made to this customer, the most the team allows: carry out the cancellation."],
            }, "Retention limit reached");
        }
        var now = clock.GetUtcNow();
        var entry = new RetentionOffer { CaseId = caseId, AgentId = actor.Id, Offer = offer.Trim(), At = now };
        db.RetentionOffers.Add(entry);
        @case.Events.Add(CaseEvent.Create(CaseEventKind.RetentionOffer, now, actor, null, $"{made + 1}/{@case.Team.MaxRetentionOffers}", entry.Offer));
        await db.SaveChangesAsync(ct);
        return entry;
    }

    public async Task<Result<RetentionOffer>> AnswerAsync(long offerId, string? outcome, CancellationToken ct = default)
    {
        var offer = await db.RetentionOffers.FirstOrDefaultAsync(o => o.Id == offerId, ct);
        if (offer is null)
        {
            return Failure.NotFound("id", $"There is no retention offer {offerId}.");
        }
        if (!WireNames.TryParseWire<OfferOutcome>(outcome, out var parsed) || parsed == OfferOutcome.Pending)
        {
            return Failure.Invalid("outcome", "The outcome is accepted or declined.");
        }
        offer.Outcome = parsed;
        await db.SaveChangesAsync(ct);
        return offer;
    }

    /// <summary>Carries out the cancellation: always allowed, whatever was offered.</summary>
    public async Task<Result<Case>> CancelAsync(long caseId, Agent actor, CancellationToken ct = default)
    {
        var @case = await db.FindCaseAsync(caseId, ct);
        if (@case is null)
        {
            return CaseQueries.CaseNotFound(caseId);
        }
        if (@case.CancelledAt is not null)
        {
            return Failure.Conflict("id", "The cancellation is already carried out.");
        }
        @case.CarryOutCancellation(actor, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return @case;
    }
}
