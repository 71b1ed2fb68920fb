using Guichet.Core.Customers;
using Guichet.Core.Data;

namespace Guichet.Core.Cases;

/// <summary>Queues an outgoing message for delivery, in the caller's transaction.</summary>
public static class Outbox
{
    public static void Enqueue(GuichetDb db, Case @case, Message message, DateTimeOffset now) => db.Outbox.Add(Create(@case, message, now));

    /// <param name="recipient">
    /// Where the channel delivers, when the caller knows it (the address a too-large email came
    /// from, the post a public answer goes under); otherwise found on the case's customer.
    /// </param>
    public static OutboxMessage Create(Case @case, Message message, DateTimeOffset now, string? recipient = null)
    {
        // Written answers on email, the API and the portal go by email; other channels deliver on their own.
        var byEmail = message.Channel is Channel.Email or Channel.Api or Channel.Portal;
        // A customer with an email address is answered there; a private social answer goes to their
        // account on that platform; chat and phone have no address here. The message stays on the case either way.
        recipient ??= message.Channel switch
        {
            _ when byEmail => @case.Customer.Identities.FirstOrDefault(i => i.Kind == IdentityKind.Email)?.Value,
            Channel.Social => @case.Customer.Identities.FirstOrDefault(i => i.Kind == IdentityKind.Social)?.Value,
            _ => null,
        };
        var channel = byEmail && recipient is not null ? Channel.Email : message.Channel;
        recipient ??= "";
        if (channel == Channel.Email && message.InternetMessageId is null)
        {
            // Ours, assigned now, so that the customer's reply threads back to this case (H1).
            message.InternetMessageId = $"<{Guid.NewGuid():N}@guichet.invalid>";
        }
        return new OutboxMessage
        {
            Message = message,
            Channel = channel,
            Recipient = recipient,
            CreatedAt = now,
            NextAttemptAt = now,
        };
    }
}
