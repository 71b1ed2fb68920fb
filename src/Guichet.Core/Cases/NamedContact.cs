using Guichet.Core.Agents;
using Guichet.Core.Data;
using Guichet.Core.Replies;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Cases;

/// <summary>
/// The person the customer deals with: whoever last answered them (SPEC C4). When a transfer or
/// an assignment gives the case to someone else, the customer is told once, by the new owner, with
/// the same reference (the team's transfer template); when nobody had answered yet, or the same
/// person keeps it, the customer is told nothing, since nothing changed for them.
/// </summary>
public static class NamedContact
{
    public static Task<long?> LastWriterAsync(GuichetDb db, long caseId, CancellationToken ct) =>
        db.Messages.Where(m => m.CaseId == caseId && m.Direction == MessageDirection.Out && !m.IsAutomatic && m.AuthorId != null).Where(Message.WithCustomer)
            .OrderByDescending(m => m.Id).Select(m => m.AuthorId).FirstOrDefaultAsync(ct);

    public static Message? Introduce(GuichetDb db, Case @case, long? lastWriter, Agent newOwner, DateTimeOffset now)
    {
        if (lastWriter is null || lastWriter == newOwner.Id)
        {
            return null;
        }
        var composed = db.TemplateBook.Automatic(ShippedTemplates.Transfer, TemplateFacts.Of(@case, now.ToInstant(), newOwner.Name),
            GuardContext.For(@case.Customer) with { CarriesPromise = true });
        @case.RecordRefusedTemplate(ShippedTemplates.Transfer, composed, now);
        var message = new Message
        {
            Direction = MessageDirection.Out,
            Kind = MessageKind.ContactChange,
            Channel = @case.Channel,
            Body = composed.Body,
            AuthorId = newOwner.Id,
            AuthorName = newOwner.Name,
            IsAutomatic = true,
            CreatedAt = now,
        };
        @case.Messages.Add(message);
        db.Outbox.Add(Outbox.Create(@case, message, now));
        return message;
    }
}
