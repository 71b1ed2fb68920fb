using Guichet.Core.Customers;
using Guichet.Core.Teams;
using NodaTime;

namespace Guichet.Core.Replies;

/// <summary>
/// The message that moves a promise's date (SPEC P3, P4): sorry, the new concrete date, thank
/// you. No reason is given: a strike or a sick colleague is the company's business, not the
/// customer's. The default text of the team's delay-notice template.
/// </summary>
public static class DelayNotice
{
    public static string Write(Customer customer, Team team, string reference, Instant newDue, Instant now) =>
        Compose(customer, team, reference, newDue, now, late: false);

    /// <summary>After a lapse (the server was down, nobody acted): the same three things, owning the missed date.</summary>
    public static string WriteLate(Customer customer, Team team, string reference, Instant newDue, Instant now) =>
        Compose(customer, team, reference, newDue, now, late: true);

    private static string Compose(Customer customer, Team team, string reference, Instant newDue, Instant now, bool late)
    {
        var language = CustomerLanguage.IsSupported(customer.Language) ? customer.Language : CustomerLanguage.Default;
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(customer.TimeZone) ?? team.Calendar.Zone;
        var dueText = SpokenDate.Format(newDue, zone, language, now);
        var greeting = Acknowledgment.Greeting(customer, language);
        return language switch
        {
            "en" => $"""
                {greeting},

                {(late ? $"We are sorry: we did not get back to you on time about your request {reference}." : $"We are sorry: we need more time for your request {reference}.")}
                You will hear from us by {dueText} at the latest.

                Thank you for your patience.
                {team.Name}
                """,
            _ => $"""
                {greeting},

                {(late ? $"Nous sommes désolés : nous ne sommes pas revenus vers vous à temps pour votre demande {reference}." : $"Nous sommes désolés : il nous faut un peu plus de temps pour votre demande {reference}.")}
                Vous aurez de nos nouvelles au plus tard le {dueText}.

                Merci de votre patience.
                {team.Name}
                """,
        };
    }
}
