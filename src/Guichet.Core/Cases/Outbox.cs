using Guichet.Core.Customers;
using Guichet.Core.Data;

namespace Guichet.Core.Cases;

/// <summary>Queues an outgoing message for delivery, in the caller's transaction.</summary>
public static class Outbox
{
    public static void Enqueue(GuichetDb db, Case @case, Message message, DateTimeOffset now) => db.Outbox.Add(Create(@case, message, now));

    /// <param name="email">The customer's address when the case was read without its customer.</param>
    /// <param name="recipient">Where the channel delivers, when the caller knows better (a public answer goes under the post).</param>
    public static OutboxMessage Create(Case @case, Message message, DateTimeOffset now, string? email = null, string? recipient = null)
    {
        // A customer with an email address is answered there unless the channel has its own address
        // (chat, social, phone arrive with their channels); the message stays on the case either way.
        email ??= @case.Customer.Identities.FirstOrDefault(i => i.Kind == IdentityKind.Email)?.Value;
        var (channel, address) = message.Channel switch
        {
            Channel.Email or Channel.Api or Channel.Portal when email is not null => (Channel.Email, email),
            // A private social answer goes to the customer's account on that platform.
            Channel.Social => (Channel.Social, @case.Customer.Identities.FirstOrDefault(i => i.Kind == IdentityKind.Social)?.Value ?? ""),
            _ => (message.Channel, ""),
        };
        recipient ??= address;
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
