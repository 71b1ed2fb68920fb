using Guichet.Core.Cases;
using Guichet.Core.Notifications;

namespace Guichet.Core.Email;

/// <summary>
/// The side step (issue 26): an answer to a side conversation (a carrier, a supplier writing back)
/// joins its case for the agents only. It is not the customer's contact: nothing is reopened,
/// counted or acknowledged, and the customer never sees it. The case's owner is notified (its
/// team's leads when nobody owns it).
/// </summary>
public sealed partial class ReceiveEmail
{
    private async Task<Outcome> SideAnswerAsync(long caseId, IncomingMail mail, DateTimeOffset now, CancellationToken ct)
    {
        var found = await rows.QueryAsync("""SELECT "Reference", "OwnerId", "TeamId" FROM "Cases" WHERE "Id" = @p0""",
            r => (Reference: r.GetString(0), Owner: r.IsDBNull(1) ? (long?)null : r.GetInt64(1), Team: r.GetInt64(2)), ct, caseId);
        var (reference, owner, team) = found[0];
        var message = new Message
        {
            CaseId = caseId,
            Direction = MessageDirection.In,
            Kind = MessageKind.SideIn,
            Channel = Channel.Email,
            Body = Cut(mail.Text, OpenCaseRequest.MaxBodyLength)!,
            AuthorName = Cut(mail.Name, 200)!,
            CreatedAt = now,
            InternetMessageId = mail.MessageId,
            ThirdParty = mail.Address,
            HasHtml = mail.HasHtml,
        };
        await rows.InsertAsync(message, ct);
        var told = owner is { } id ? [id] : (await Recipients.LeadsOfAsync(db, team, ct)).Select(a => a.Id).ToList();
        foreach (var agent in told)
        {
            await rows.InsertAsync(new Notification
            {
                AgentId = agent,
                CaseId = caseId,
                Kind = NotificationKind.ThirdPartyAnswered,
                Text = $"{reference}: {mail.Address} answered the side conversation.",
                CreatedAt = now,
            }, ct);
        }
        return new Outcome(InboundOutcome.Appended, caseId, message.Id, null, Side: true);
    }
}
