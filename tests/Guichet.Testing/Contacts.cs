namespace Guichet.Testing;

/// <summary>Bodies of <c>POST /api/cases</c> that several test projects open cases with.</summary>
public static class Contacts
{
    /// <summary>Julien Rio of seeds/000 writes in French to customer service (Paris time).</summary>
    /// <param name="body">By default a lost baggage: a major problem, escalated to the service manager at once (E2).</param>
    public static object French(string email = "julien.rio@example.fr", string body = "Bonjour, mes bagages sont perdus.") => new
    {
        customer = new { name = "Julien Rio", email, language = "fr", timeZone = "Europe/Paris" },
        channel = "email",
        subject = "Correspondance manquée",
        body,
        team = "service-client",
    };
}
