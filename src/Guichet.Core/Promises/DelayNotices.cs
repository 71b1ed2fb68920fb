using Guichet.Core.Agents;
using Guichet.Core.Cases;
using Guichet.Core.Data;
using Guichet.Core.Replies;

namespace Guichet.Core.Promises;

/// <summary>
/// Moves a promise to a new date and tells the customer in the same transaction (SPEC P3, P4):
/// one path for an agent's renegotiation and the watcher's. The notice never says what was
/// promised, so a "to confirm" promise stays internal (P8): the customer only learns when they
/// will hear back.
/// </summary>
public static class DelayNotices
{
    public static Failure? Renegotiate(GuichetDb db, Promise promise, DateTimeOffset newDue, Agent? actor, DateTimeOffset now)
    {
        var @case = promise.Case;
        if (!promise.IsActive || newDue <= now || newDue <= promise.DueAt)
        {
            // Let the promise say precisely why; no notice is written for a refused move.
            return promise.Renegotiate(newDue, actor, null, now);
        }
        var composed = DelayNotice.Write(db.TemplateBook, @case.Customer, @case.Team, @case.Reference, newDue.ToInstant(), now.ToInstant());
        var notice = Message(@case, MessageKind.DelayNotice, composed.Body, promise, actor, now);
        var failure = promise.Renegotiate(newDue, actor, notice, now);
        if (failure is null)
        {
            @case.RecordRefusedTemplate(ShippedTemplates.DelayNotice, composed, now);
            Send(db, @case, notice, now);
        }
        return failure;
    }

    /// <summary>
    /// P5: the ceiling is here and no manager approved going past it. The case and its promise
    /// become the manager's, and the customer is told so and when the manager will write (the
    /// team's "ceiling" words); a promise that already lapsed is replaced, as after any lapse.
    /// </summary>
    public static Promise HandOver(GuichetDb db, Promise promise, Agent manager, DateTimeOffset newDue, DateTimeOffset now)
    {
        var @case = promise.Case;
        var current = promise;
        if (promise.DueAt <= now)
        {
            promise.BreakSilently(now);
            current = Promise.Make(@case, promise.Kind, promise.What, newDue, manager, promise.ToConfirm, now);
            current.FollowOn(promise);
        }
        // The first time, the customer learns who has the case now; after that, a plain new date from the same manager.
        var first = @case.OwnerId != manager.Id || promise.OwnerId != manager.Id;
        var key = first ? ShippedTemplates.Ceiling : ShippedTemplates.DelayNotice;
        var composed = db.TemplateBook.Automatic(key,
            new TemplateFacts(@case.Customer, @case.Team, now.ToInstant()) { Reference = @case.Reference, PromiseDue = newDue.ToInstant(), AgentName = manager.Name },
            GuardContext.For(@case.Customer) with { CarriesPromise = true, IsDelayNotice = true });
        @case.RecordRefusedTemplate(key, composed, now);
        var notice = Message(@case, MessageKind.DelayNotice, composed.Body, current, null, now);
        if (current == promise)
        {
            promise.Renegotiate(newDue, null, notice, now);
        }
        current.AssignOwner(manager);
        @case.HandOverAtCeiling(manager, newDue, now);
        Send(db, @case, notice, now);
        return current;
    }

    /// <summary>The promise lapsed unanswered: it is broken (a silent breach), and a new one with its apology goes out at once (P6).</summary>
    public static Promise ReplaceLapsed(GuichetDb db, Promise lapsed, DateTimeOffset newDue, DateTimeOffset now)
    {
        var @case = lapsed.Case;
        lapsed.BreakSilently(now);
        var replacement = Promise.Make(@case, lapsed.Kind, lapsed.What, newDue, lapsed.Owner, lapsed.ToConfirm, now);
        replacement.FollowOn(lapsed);
        var composed = DelayNotice.WriteLate(db.TemplateBook, @case.Customer, @case.Team, @case.Reference, newDue.ToInstant(), now.ToInstant());
        @case.RecordRefusedTemplate(ShippedTemplates.LateNotice, composed, now);
        var notice = Message(@case, MessageKind.LateNotice, composed.Body, replacement, null, now);
        Send(db, @case, notice, now);
        return replacement;
    }

    private static Message Message(Case @case, MessageKind kind, string body, Promise promise, Agent? actor, DateTimeOffset now) => new()
    {
        Direction = MessageDirection.Out,
        Kind = kind,
        Channel = @case.Channel,
        Body = body,
        AuthorId = actor?.Id,
        AuthorName = actor?.Name ?? @case.Team.Name,
        IsAutomatic = actor is null,
        CreatedAt = now,
        Promise = promise,
    };

    private static void Send(GuichetDb db, Case @case, Message notice, DateTimeOffset now)
    {
        @case.Messages.Add(notice);
        Outbox.Enqueue(db, @case, notice, now);
    }
}
