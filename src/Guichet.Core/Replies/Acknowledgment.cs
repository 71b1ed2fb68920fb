using Guichet.Core.Customers;
using Guichet.Core.Teams;
using NodaTime;

namespace Guichet.Core.Replies;

/// <summary>
/// The automatic answer to a new contact (SPEC P1, P7): thanks, the case reference, a concrete
/// date in the customer's language and zone, and, outside hours, when people are back. It says
/// it is automatic, so it is never mistaken for a person's answer. The words are the team's
/// acknowledgment template (shipped: Replies/Templates/acknowledgment.*.liquid).
/// </summary>
public static class Acknowledgment
{
    /// <param name="followLink">The customer's private page for the case (portal), when they have one.</param>
    /// <param name="crisis">The customer is caught in this declared crisis: its acknowledgment comes first (E3).</param>
    public static Composed Write(TemplateBook book, Customer customer, Team team, string reference, Instant due, Instant now, string? followLink = null, string? subject = null, Incidents.Crisis? crisis = null) =>
        book.Automatic(ShippedTemplates.Acknowledgment,
            new TemplateFacts(customer, team, now) { Reference = reference, Subject = subject, FollowLink = followLink, PromiseDue = due, PromiseWhat = Cases.OpenCase.FirstResponseWhat },
            // The crisis's own text may say which fees are waived: only a standard template is out of place here.
            GuardContext.For(customer) with { CarriesPromise = true, Crisis = crisis?.Name },
            crisis?.Acknowledgment);

    /// <summary>
    /// The acknowledgment states its promise's date written out in the customer's language and
    /// zone (P1), as it was when written: <paramref name="due"/> is the promise's first due time.
    /// </summary>
    /// <param name="teamZone">Where the customer has no zone, the team's, as the template wrote it (<see cref="TemplateFacts.Zone"/>).</param>
    public static bool StatesDate(string body, DateTimeOffset due, string language, string? timeZone, DateTimeOffset writtenAt, string? teamZone = null)
    {
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZone ?? "") ?? DateTimeZoneProviders.Tzdb.GetZoneOrNull(teamZone ?? "") ?? DateTimeZone.Utc;
        return body.Contains(SpokenDate.Format(due.ToInstant(), zone, language, writtenAt.ToInstant()), StringComparison.Ordinal);
    }
}
