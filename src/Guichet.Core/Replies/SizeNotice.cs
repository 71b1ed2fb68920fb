using Guichet.Core.Customers;

namespace Guichet.Core.Replies;

/// <summary>
/// Tells a customer their email was larger than Guichet takes: the text reached their case, the
/// whole message is kept, the files were not opened, and how to send them (issue 4).
/// </summary>
public static class SizeNotice
{
    public static string Write(Customer customer, string reference, string? subject, long bytes, int limitBytes)
    {
        var language = CustomerLanguage.ToWriteIn(customer.Language);
        var culture = System.Globalization.CultureInfo.GetCultureInfo(language == "en" ? "en-GB" : "fr-FR");
        var size = (bytes / (1024.0 * 1024)).ToString("0.0", culture);
        var limit = limitBytes / (1024 * 1024);
        var title = string.IsNullOrWhiteSpace(subject) ? "" : language == "en" ? $" “{subject.Trim()}”" : $" « {subject.Trim()} »";
        var greeting = TemplateFacts.Greeting(customer, language);
        return language == "en"
            ? string.Join("\n",
                $"{greeting},",
                "",
                $"Your message{title} ({size} MB) is larger than the {limit} MB we can open.",
                $"Its text has reached your case {reference} and the whole message is kept, but its attached files were not opened.",
                $"Please send them again in several messages of less than {limit} MB each, replying to this message.",
                "",
                "This is an automatic notice.")
            : string.Join("\n",
                $"{greeting},",
                "",
                $"Votre message{title} ({size} Mo) dépasse les {limit} Mo que nous pouvons ouvrir.",
                $"Son texte a rejoint votre dossier {reference} et le message entier est conservé, mais ses pièces jointes n'ont pas été ouvertes.",
                $"Merci de nous les renvoyer en plusieurs messages de moins de {limit} Mo chacun, en répondant à celui-ci.",
                "",
                "Ceci est un message automatique.");
    }
}
