using Guichet.Core.Data;
using Guichet.Core.Routing;

namespace Guichet.Core.Cases;

/// <summary>
/// A customer's contact on an existing case, from any channel: the message, the contact count
/// (repeat contacts raise priority, C1), and a new acknowledgment with a new date when it
/// reopens a settled case (P1); under a service level, the next reply's target (W8). What the message says beyond its words (a re-explanation, a
/// reason to escalate) is read against the case's history (C5, E1, E2).
/// </summary>
public static class CustomerWrites
{
    public static async Task<Message> RecordAsync(GuichetDb db, Case @case, Channel channel, string body, string authorName, string? internetMessageId, DateTimeOffset now, CancellationToken ct = default) =>
        Record(db, @case, @case.Team, await ReadCustomerMessage.HistoryAsync(db, @case.Id, ct), channel, body, authorName, internetMessageId, now);

    /// <param name="team">The case's team, and <paramref name="history"/> its earlier messages, read by the caller (the email intake's lean path).</param>
    public static Message Record(GuichetDb db, Case @case, Teams.Team team, IReadOnlyList<PastMessage> history, Channel channel, string body, string authorName, string? internetMessageId, DateTimeOffset now, FoldedText? read = null)
    {
        var priority = @case.Priority;
        ReadCustomerMessage.Apply(@case, team, body, history, now, read);
        var message = Message.Contact(channel, body, authorName, internetMessageId, now);
        @case.Messages.Add(message);
        var wasSettled = !@case.IsActive;
        @case.RecordCustomerContact(now);
        if (wasSettled)
        {
            Acknowledge.FirstContact(db, @case, now);
            return message;
        }
        if (@case.ServicePolicyId is not null)
        {
            // Under a service level (W8) the caller loaded the case whole (its promises, its customer).
            if (@case.Priority != priority)
            {
                ServiceLevels.ServiceTargets.Retime(db, @case, now);
            }
            ServiceLevels.ServiceTargets.NextReply(db, @case, now);
        }
        return message;
    }
}
