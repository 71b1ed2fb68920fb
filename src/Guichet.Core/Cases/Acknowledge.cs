using Guichet.Core.Data;
using Guichet.Core.Promises;
using Guichet.Core.Replies;
using Guichet.Core.ServiceLevels;

namespace Guichet.Core.Cases;

/// <summary>
/// Gives a case that a contact opened or reopened its first-response promise, due per the
/// team's calendar, and the acknowledgment that states that date (SPEC P1, P2, P7).
/// </summary>
public static class Acknowledge
{
    public static Message FirstContact(GuichetDb db, Case @case, DateTimeOffset now, string? followLink = null, double? withinBusinessHours = null)
    {
        var (acknowledgment, delivery) = Write(db, @case, now, followLink, withinBusinessHours);
        db.Outbox.Add(delivery);
        return acknowledgment;
    }

    /// <summary>
    /// The promise (added to the case), the acknowledgment and its delivery, for the caller to save.
    /// A service level that matches the case (W8) sets the first reply's time, unless a shorter one
    /// is asked for, and adds its resolution target.
    /// </summary>
    /// <param name="withinBusinessHours">A shorter target than the team's business days (a public post, H6).</param>
    public static (Message Acknowledgment, OutboxMessage Delivery) Write(GuichetDb db, Case @case, DateTimeOffset now, string? followLink = null, double? withinBusinessHours = null)
    {
        var book = db.TemplateBook;
        var team = @case.Team;
        var policy = ServiceTargets.Attach(db, @case);
        var hours = policy?.FirstReplyHours is { } target && (withinBusinessHours is null || target < withinBusinessHours) ? target : withinBusinessHours;
        var due = hours is { } within
            ? team.Calendar.AddBusinessHours(now.ToInstant(), within)
            : team.Calendar.AddBusinessDays(now.ToInstant(), team.FirstResponseBusinessDays);
        var promise = Promise.Make(@case, PromiseKind.FirstResponse, OpenCase.FirstResponseWhat, due.ToUtc(), @case.Owner, toConfirm: false, now);
        if (policy?.FirstReplyHours is not null)
        {
            promise.ForPolicy(policy.Id, policy.What(PromiseKind.FirstResponse));
        }
        ServiceTargets.Resolution(@case, policy, now);
        var crisis = @case.CrisisId is { } crisisId ? book.Crisis(crisisId) : null;
        var composed = Acknowledgment.Write(book, @case.Customer, team, @case.Reference, due, now.ToInstant(), followLink, @case.Subject, crisis);
        @case.RecordRefusedTemplate(ShippedTemplates.Acknowledgment, composed, now);
        var acknowledgment = new Message
        {
            Direction = MessageDirection.Out,
            Kind = MessageKind.Acknowledgment,
            Channel = @case.Channel,
            Body = composed.Body,
            AuthorName = team.Name,
            IsAutomatic = true,
            CreatedAt = now,
            Promise = promise,
        };
        @case.Messages.Add(acknowledgment);
        return (acknowledgment, Outbox.Create(@case, acknowledgment, now));
    }
}
