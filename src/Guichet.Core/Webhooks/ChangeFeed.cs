using Guichet.Core.Cases;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Webhooks;

/// <summary>
/// Messages and case events are written in the transaction of the change, so they are a feed that
/// the webhooks' fan-out and the rules each read past their own cursor (a <see cref="WebhookCursor"/>
/// per source). A reader starts from the newest row: it hears only of what happens after it exists.
/// </summary>
public static class ChangeFeed
{
    /// <summary>A source ending in "messages" reads the messages; any other, the case events.</summary>
    public static bool ReadsMessages(string source) => source.EndsWith("messages", StringComparison.Ordinal);

    public static async Task<long> NewestAsync(GuichetDb db, string source, CancellationToken ct) => ReadsMessages(source)
        ? await db.Messages.MaxAsync(m => (long?)m.Id, ct) ?? 0
        : await db.CaseEvents.MaxAsync(e => (long?)e.Id, ct) ?? 0;

    /// <summary>Called when a reader's first subscriber (an endpoint, a rule) is made: from then on nothing is passed over (the caller saves).</summary>
    public static async Task StartAsync(GuichetDb db, IEnumerable<string> sources, CancellationToken ct)
    {
        foreach (var source in sources)
        {
            if (!await db.WebhookCursors.AnyAsync(c => c.Source == source, ct))
            {
                db.WebhookCursors.Add(new WebhookCursor { Source = source, LastId = await NewestAsync(db, source, ct) });
            }
        }
    }

    /// <summary>
    /// The messages as the readers judge them, in id order. <c>Opened</c>: the customer's first word on
    /// the case (a second one may carry the same instant, so an earlier customer message rules it out).
    /// </summary>
    public static IQueryable<FedMessage> Read(this IQueryable<Message> messages, GuichetDb db, bool withBody, bool withSubject) =>
        messages.AsNoTracking().OrderBy(m => m.Id).Select(m => new FedMessage(
            m.Id, m.CaseId, m.Direction, m.Kind, m.Channel, m.AuthorName,
            withSubject ? db.Cases.Where(c => c.Id == m.CaseId).Select(c => c.Subject).FirstOrDefault() : null,
            withBody ? m.Body : null,
            m.IsAutomatic, m.IsImported, m.CreatedAt,
            m.Direction == MessageDirection.In && m.Kind == MessageKind.Contact
                && db.Cases.Any(c => c.Id == m.CaseId && c.CreatedAt == m.CreatedAt)
                && !db.Messages.Any(o => o.CaseId == m.CaseId && o.Id < m.Id && o.Direction == MessageDirection.In)));
}

/// <summary>A message read from the feed; its subject and body only when asked for.</summary>
public sealed record FedMessage(long Id, long CaseId, MessageDirection Direction, MessageKind Kind, Channel Channel, string AuthorName,
    string? Subject, string? Body, bool IsAutomatic, bool IsImported, DateTimeOffset CreatedAt, bool Opened)
{
    /// <summary>What the customer wrote: the case's subject is part of it.</summary>
    public string? Words => Body is null ? null : Subject + "\n" + Body;
}
