using Guichet.Core.Customers;
using Guichet.Core.Replies;
using Guichet.Core.Teams;
using NodaTime;

namespace Guichet.Core.Tests.Replies;

public class AcknowledgmentTests
{
    private static readonly Team Desk = new() { Slug = "desk", Name = "Service client", TimeZone = "Europe/Paris", Hours = "mon-fri 09:00-17:00" };

    [Fact]
    public void Inside_hours_it_thanks_and_states_the_date_without_a_back_time()
    {
        var customer = new Customer { Name = "Julien Rio", Salutation = "Monsieur", Language = "fr", TimeZone = "Europe/Paris" };
        var now = Instant.FromUtc(2026, 11, 27, 15, 0);
        var text = Acknowledgment.Write(TemplateBook.Shipped, customer, Desk, "G-2026-000123", Instant.FromUtc(2026, 12, 1, 15, 0), now).Body;

        Assert.StartsWith("Bonjour Monsieur Julien Rio,", text, StringComparison.Ordinal);
        Assert.Contains("Merci pour votre message", text, StringComparison.Ordinal);
        Assert.Contains("G-2026-000123", text, StringComparison.Ordinal);
        Assert.Contains("au plus tard le mardi 1er décembre à 16:00", text, StringComparison.Ordinal);
        Assert.DoesNotContain("de retour", text, StringComparison.Ordinal);
        Assert.Contains("automatique", text, StringComparison.Ordinal);
        Assert.DoesNotContain("dès que possible", text, StringComparison.Ordinal);
        Assert.Empty(SendGuard.Check(text));
    }

    [Fact]
    public void Outside_hours_it_says_when_people_are_back_in_english_and_the_customers_zone()
    {
        var customer = new Customer { Name = "Emily Carter", Language = "en", TimeZone = "America/Montreal" };
        // Saturday 28 November, 11:00 Paris.
        var now = Instant.FromUtc(2026, 11, 28, 10, 0);
        var due = Desk.Calendar.AddBusinessDays(now, 2);
        var text = Acknowledgment.Write(TemplateBook.Shipped, customer, Desk, "G-2026-000124", due, now).Body;

        Assert.StartsWith("Hello Emily Carter,", text, StringComparison.Ordinal);
        Assert.Contains("by Tuesday 1 December at 11:00 AM at the latest", text, StringComparison.Ordinal);
        Assert.Contains("will be back on Monday 30 November at 3:00 AM", text, StringComparison.Ordinal);
        Assert.Contains("automatic acknowledgment", text, StringComparison.Ordinal);
    }
}
