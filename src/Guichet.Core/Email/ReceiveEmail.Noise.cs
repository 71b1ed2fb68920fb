using Guichet.Core.Cases;

namespace Guichet.Core.Email;

/// <summary>
/// The noise step: auto-replies, bounces, bulk and list mail are kept and never acknowledged
/// (H1: no loops). A bounce is tied to the case whose mail it returns, by the returned message's
/// ids or, failing them, by a case reference quoted in it, and the case says its mail bounced.
/// </summary>
public sealed partial class ReceiveEmail
{
    private async Task<Outcome> NoiseAsync(IncomingMail mail, string subject, DateTimeOffset now, CancellationToken ct)
    {
        var bounce = mail.Noise == MailNoise.Bounce;
        var about = await CaseByMessageIdsAsync(bounce ? mail.BouncedIds : mail.ThreadIds, ct);
        if (bounce && about is null && mail.BouncedReference is { } reference)
        {
            about = await CaseByReferenceAsync(reference, ct);
        }
        if (bounce && about is { } bounced)
        {
            await rows.InsertAsync(CaseEvent.Create(CaseEventKind.DeliveryFailed, now, null, null, mail.Address, subject), ct, ("CaseId", bounced));
        }
        return new Outcome(InboundOutcome.Ignored, about, null, $"{mail.Noise}: never acknowledged.");
    }
}
