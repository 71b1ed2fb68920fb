namespace Guichet.Features.Simulation;

/// <summary>One customer contact the simulation will make, drawn in advance from the seed.</summary>
public sealed record PlannedContact(DateTimeOffset At, int Customer, string Channel, bool Repeat);

/// <summary>
/// Who writes, when and how, for a strike: most customers write in the first days, some write
/// again (or call) when they have heard nothing, a few several times.
/// </summary>
public static class StrikePlan
{
    public static List<PlannedContact> Draw(StrikeOptions options)
    {
        var random = new Random(options.Seed);
        var contacts = new List<PlannedContact>(options.Customers * 2);
        var end = options.Start.AddDays(options.Days);
        for (var customer = 0; customer < options.Customers; customer++)
        {
            // A surge: exponential arrivals with a mean of a day and a half, mostly in waking hours.
            var day = Math.Min(-Math.Log(1 - random.NextDouble()) * 1.5, options.Days / 2.0);
            var at = options.Start.AddDays(Math.Floor(day)).AddHours(random.NextDouble() < 0.8 ? random.Next(0, 14) + random.NextDouble() : random.Next(-8, 16) + random.NextDouble());
            if (at < options.Start)
            {
                at = options.Start.AddMinutes(random.Next(0, 60));
            }
            var first = random.NextDouble();
            contacts.Add(new PlannedContact(at, customer, first < 0.6 ? "email" : first < 0.85 ? "portal" : "phone", Repeat: false));

            var roll = random.NextDouble();
            var repeats = roll < 0.55 ? 0 : roll < 0.80 ? 1 : roll < 0.92 ? 2 : 3 + random.Next(0, 3);
            for (var r = 0; r < repeats; r++)
            {
                at = at.AddDays(1 + (random.NextDouble() * 4));
                if (at >= end)
                {
                    break;
                }
                contacts.Add(new PlannedContact(at, customer, random.NextDouble() < 0.65 ? "email" : "phone", Repeat: true));
            }
        }
        return contacts.OrderBy(c => c.At).ThenBy(c => c.Customer).ToList();
    }

    public static string Subject(int customer) => $"Vol LH{1000 + (customer % 400)} annulé pendant la grève";

    public static string Language(int customer) => customer % 5 == 4 ? "en" : "fr";
}
