using Guichet.Core.Cases;
using Guichet.Core.Customers;
using NodaTime;

namespace Guichet.Core.Replies;

/// <summary>
/// The public answer under a social complaint (H6): empathy first, no excuses and no argument in
/// front of everyone, an invitation to continue in private with the case reference, and a concrete
/// date. The agent edits it before it is posted; the send guard checks it like any reply.
/// </summary>
public static class PublicReply
{
    public static string Draft(Case @case, Instant now)
    {
        var customer = @case.Customer;
        var language = CustomerLanguage.IsSupported(customer.Language) ? customer.Language : CustomerLanguage.Default;
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(customer.TimeZone) ?? @case.Team.Calendar.Zone;
        var due = @case.NextDueAt is { } next ? next.ToInstant() : @case.Team.Calendar.AddBusinessHours(now, @case.Team.PublicResponseBusinessHours);
        var date = SpokenDate.Format(due, zone, language, now);
        return language == "en"
            ? $"Hello {customer.Name}, we are truly sorry for what you are going through, and we understand your frustration. " +
              $"We want to settle this with you: please send us a private message quoting the reference {@case.Reference}. " +
              $"Someone from our {@case.Team.Name} team will answer you by {date} at the latest."
            : $"Bonjour {customer.Name}, nous sommes sincèrement désolés de ce que vous vivez et nous comprenons votre agacement. " +
              $"Nous voulons régler cela avec vous : écrivez-nous en message privé en rappelant la référence {@case.Reference}. " +
              $"Une personne de l'équipe {@case.Team.Name} vous répondra au plus tard le {date}.";
    }
}
