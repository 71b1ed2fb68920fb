using Guichet.Core.Cases;
using Guichet.Core.Customers;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Email;

/// <summary>
/// The append step: the message joins its case as the customer's contact (repeat contacts
/// counted, a settled case reopened with a new acknowledgment), and why it joined is an event on
/// the case (C1), unless it is a reply in the case's own thread: that is the conversation itself,
/// and its In-Reply-To says so on the message (decision 0030).
/// </summary>
public sealed partial class ReceiveEmail
{
    private async Task<Outcome> AppendAsync(long caseId, IncomingMail mail, JoinReason why, string? evidence, DateTimeOffset now, CancellationToken ct)
    {
        var @case = await rows.FindAsync<Case>(caseId, ct) ?? throw new InvalidOperationException($"Case {caseId} vanished.");
        var joined = why == JoinReason.Reply ? null : MatterEvents.Joined(why, evidence, now);
        Message message;
        if (!@case.IsActive || @case.ServicePolicyId is not null)
        {
            // Reopening a settled case gives it a new promise among its old ones, and a case under a
            // service level may get its next reply's target (W8): the tracked path knows them all.
            var tracked = await db.FindCaseAsync(caseId, ct);
            message = await CustomerWrites.RecordAsync(db, tracked!, Channel.Email, Cut(mail.Text, OpenCaseRequest.MaxBodyLength)!, mail.Name, mail.MessageId, now, ct);
            if (joined is not null)
            {
                tracked!.Events.Add(joined);
            }
            message.HasHtml = mail.HasHtml;
            await CopyAsync(tracked!, mail, ct);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            return new Outcome(InboundOutcome.Appended, caseId, message.Id, null);
        }
        // Read without its team (lean path): the team comes from the intake's own list.
        var team = (await TeamsAsync(ct)).FirstOrDefault(t => t.Id == @case.TeamId) ?? await db.Teams.AsNoTracking().FirstAsync(t => t.Id == @case.TeamId, ct);
        message = CustomerWrites.Record(db, @case, team, await HistoryAsync(caseId, ct), Channel.Email, Cut(mail.Text, OpenCaseRequest.MaxBodyLength)!, mail.Name, mail.MessageId, now, mail.Fresh);
        if (joined is not null)
        {
            @case.Events.Add(joined);
        }
        message.HasHtml = mail.HasHtml;
        await CopyAsync(@case, mail, ct);
        await rows.UpdateAsync(@case, ct);
        // What the contact added to the loaded case (its message, its events) is written as the model says, as EF Core would.
        await rows.InsertDependentsAsync(@case, ct);
        return new Outcome(InboundOutcome.Appended, caseId, message.Id, null);
    }

    /// <summary>
    /// The text joined the case; the files were not opened. The customer is told, and the message
    /// stays in quarantine so that an admin can open its files once the limit is raised.
    /// </summary>
    private async Task<Outcome> TellTooLargeAsync(long caseId, IncomingMail mail, Outcome taken, CancellationToken ct)
    {
        var now = clock.Now();
        var @case = await rows.FindAsync<Case>(caseId, ct) ?? throw new InvalidOperationException($"Case {caseId} vanished.");
        var customer = await rows.FindAsync<Customer>(@case.CustomerId, ct) ?? throw new InvalidOperationException($"Customer {@case.CustomerId} vanished.");
        var notice = new Message
        {
            CaseId = caseId,
            Direction = MessageDirection.Out,
            Kind = MessageKind.IntakeNotice,
            Channel = Channel.Email,
            Body = Replies.SizeNotice.Write(customer, @case.Reference, mail.Subject, mail.Raw.Length, MaxBytes),
            AuthorName = CaseEvent.SystemActor,
            IsAutomatic = true,
            CreatedAt = now,
        };
        var delivery = Outbox.Create(@case, notice, now, recipient: mail.Address);
        await rows.InsertAsync(notice, ct);
        await rows.InsertAsync(delivery, ct);
        return taken with
        {
            Kind = InboundOutcome.Quarantined,
            Reason = $"Larger than {MaxBytes / (1024 * 1024)} MB: its text joined {@case.Reference}, its files were not opened, the customer was told. Process it again after raising the limit to open them.",
        };
    }
}
