using Guichet.Core.Customers;
using Guichet.Core.Teams;
using NodaTime;

namespace Guichet.Core.Replies;

/// <summary>
/// The message that moves a promise's date (SPEC P3, P4): sorry, the new concrete date, thank
/// you. No reason is given: a strike or a sick colleague is the company's business, not the
/// customer's. The words are the team's delay-notice and late-notice templates.
/// </summary>
public static class DelayNotice
{
    public static Composed Write(TemplateBook book, Customer customer, Team team, string reference, Instant newDue, Instant now) =>
        Compose(book, ShippedTemplates.DelayNotice, customer, team, reference, newDue, now);

    /// <summary>After a lapse (the server was down, nobody acted): the same three things, owning the missed date.</summary>
    public static Composed WriteLate(TemplateBook book, Customer customer, Team team, string reference, Instant newDue, Instant now) =>
        Compose(book, ShippedTemplates.LateNotice, customer, team, reference, newDue, now);

    private static Composed Compose(TemplateBook book, string key, Customer customer, Team team, string reference, Instant newDue, Instant now) =>
        book.Automatic(key,
            new TemplateFacts(customer, team, now) { Reference = reference, PromiseDue = newDue },
            GuardContext.For(customer) with { CarriesPromise = true, IsDelayNotice = true });
}
