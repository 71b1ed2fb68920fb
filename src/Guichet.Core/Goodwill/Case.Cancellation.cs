using Guichet.Core.Agents;

namespace Guichet.Core.Cases;

// G4: a cancellation request, acknowledged, then carried out.
public sealed partial class Case
{
    /// <summary>G4: the customer asked to cancel, and when the cancellation was carried out.</summary>
    public DateTimeOffset? CancellationRequestedAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }

    public void MarkCancellationRequest(Agent by, DateTimeOffset now)
    {
        CancellationRequestedAt = now;
        Events.Add(CaseEvent.Create(CaseEventKind.CancellationRequested, now, by, null, null, "The customer asked to cancel."));
    }

    public void CarryOutCancellation(Agent by, DateTimeOffset now)
    {
        CancellationRequestedAt ??= now;
        CancelledAt = now;
        Events.Add(CaseEvent.Create(CaseEventKind.CancellationCarriedOut, now, by, null, null, "The cancellation was carried out."));
    }
}
