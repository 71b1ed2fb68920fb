namespace Guichet.Core.Goodwill;

public enum OfferOutcome
{
    Pending,
    Accepted,
    Declined,
}

/// <summary>An offer made to a customer who asked to cancel (SPEC G4), and what they answered.</summary>
public sealed class RetentionOffer
{
    public long Id { get; private set; }
    public long CaseId { get; init; }
    public long AgentId { get; init; }
    public required string Offer { get; init; }
    public DateTimeOffset At { get; init; }
    public OfferOutcome Outcome { get; set; }
}
