using Guichet.Core.Data;

namespace Guichet.Core.Cases;

/// <summary>
/// A customer's contact on an existing case, from any channel: the message, the contact count
/// (repeat contacts raise priority, C1), and a new acknowledgment with a new date when it
/// reopens a settled case (P1).
/// </summary>
public static class CustomerWrites
{
    public static Message Record(GuichetDb db, Case @case, Channel channel, string body, string authorName, string? internetMessageId, DateTimeOffset now)
    {
        var message = Message.Contact(channel, body, authorName, internetMessageId, now);
        @case.Messages.Add(message);
        var wasSettled = !@case.IsActive;
        @case.RecordCustomerContact(now);
        if (wasSettled)
        {
            Acknowledge.FirstContact(db, @case, now);
        }
        return message;
    }
}
