using Guichet.Core.Customers;
using Guichet.Core.Teams;
using NodaTime;

namespace Guichet.Core.Replies;

/// <summary>
/// The automatic answer to a new contact (SPEC P1, P7): thanks, the case reference, a concrete
/// date in the customer's language and zone, and, outside hours, when people are back. It says
/// it is automatic, so it is never mistaken for a person's answer. Liquid templates per team
/// replace these texts with the replies issue; the wording here is their default.
/// </summary>
public static class Acknowledgment
{
    /// <param name="followLink">The customer's private page for the case (portal), when they have one.</param>
    public static string Write(Customer customer, Team team, string reference, Instant due, Instant now, string? followLink = null)
    {
        var zone = CalendarZone(customer, team);
        var language = CustomerLanguage.IsSupported(customer.Language) ? customer.Language : CustomerLanguage.Default;
        var dueText = SpokenDate.Format(due, zone, language, now);
        var calendar = team.Calendar;
        string? backText = calendar.IsOpen(now) ? null : SpokenDate.Format(calendar.NextOpening(now), zone, language, now);
        var greeting = Greeting(customer, language);

        return language switch
        {
            "en" => string.Join("\n", Lines(
                $"{greeting},",
                "",
                $"Thank you for your message. Your request is registered under the reference {reference}.",
                $"A member of the {team.Name} team will answer you by {dueText} at the latest.",
                backText is null ? null : $"Our team is away right now and will be back on {backText}.",
                "",
                "To add anything, simply reply to this message: it stays in the same case.",
                followLink is null ? null : $"Follow your request and write to us here: {followLink}",
                "",
                $"This is an automatic acknowledgment from {team.Name}.")),
            _ => string.Join("\n", Lines(
                $"{greeting},",
                "",
                $"Merci pour votre message. Votre demande est enregistrée sous la référence {reference}.",
                $"Une personne de l'équipe {team.Name} vous répondra au plus tard le {dueText}.",
                backText is null ? null : $"Notre équipe est absente en ce moment ; elle sera de retour le {backText}.",
                "",
                "Pour ajouter une information, répondez simplement à ce message : elle rejoindra le même dossier.",
                followLink is null ? null : $"Suivez votre demande et écrivez-nous ici : {followLink}",
                "",
                $"Ceci est un accusé de réception automatique de l'équipe {team.Name}.")),
        };
    }

    /// <summary>"Bonjour Madame Dupont" / "Dear Ms Dupont" with a salutation; the full name otherwise (SPEC Q2).</summary>
    public static string Greeting(Customer customer, string language)
    {
        if (string.IsNullOrWhiteSpace(customer.Salutation))
        {
            return language == "en" ? $"Hello {customer.Name}" : $"Bonjour {customer.Name}";
        }
        var name = $"{customer.Salutation.Trim()} {customer.Name}";
        return language == "en" ? $"Dear {name}" : $"Bonjour {name}";
    }

    private static DateTimeZone CalendarZone(Customer customer, Team team) =>
        DateTimeZoneProviders.Tzdb.GetZoneOrNull(customer.TimeZone) ?? team.Calendar.Zone;

    private static IEnumerable<string> Lines(params string?[] lines) => lines.OfType<string>();
}
