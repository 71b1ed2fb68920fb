using Guichet.Core.Cases;
using Guichet.Core.Customers;
using Guichet.Core.Teams;
using NodaTime;

namespace Guichet.Core.Replies;

/// <summary>
/// What a template may print: the customer, the case, the team, the agent, the promise and the
/// variables an agent supplies (SPEC Q1). A value Guichet does not have is left out, so a template
/// printing it is caught as an empty field instead of leaving a blank in front of the customer.
/// </summary>
public sealed record TemplateFacts(Customer Customer, Team Team, Instant Now)
{
    public string? Reference { get; init; }
    public string? Subject { get; init; }
    public Channel? Channel { get; init; }
    public string? FollowLink { get; init; }
    public string? AgentName { get; init; }
    public string? PromiseWhat { get; init; }
    public Instant? PromiseDue { get; init; }
    public string? SurveyLink { get; init; }
    public string? IncidentTitle { get; init; }
    public string? GestureText { get; init; }
    public IReadOnlyDictionary<string, string>? Variables { get; init; }

    /// <summary>The fields every template may use, with what they hold (shown beside the editor).</summary>
    public static readonly IReadOnlyList<(string Field, string Meaning)> Fields =
    [
        ("greeting", "« Bonjour Madame Dupont » / « Dear Ms Dupont », from the profile"),
        ("customer.name", "the customer's name"),
        ("customer.salutation", "Madame, Monsieur…, when the profile has one"),
        ("customer.email", "the customer's address"),
        ("customer.phone", "the customer's number"),
        ("case.reference", "the case reference, G-2026-000123"),
        ("case.subject", "the case subject"),
        ("case.channel", "email, portal, chat, phone, social"),
        ("case.follow_link", "the customer's private page for the case"),
        ("team.name", "the team's name"),
        ("team.email", "the team's mailbox"),
        ("team.back", "when the team is back, only while it is away"),
        ("agent.name", "who sends it (the team's name for automatic messages)"),
        ("promise.what", "the open promise's commitment"),
        ("promise.due", "its due date, spoken in the customer's language and zone"),
        ("promise.due_iso", "its due date, ISO 8601"),
        ("survey.link", "the survey's link"),
        ("incident.title", "what went wrong (incidents)"),
        ("gesture.text", "the gesture given, in words (incidents)"),
    ];

    private static readonly string[] Namespaces = ["greeting", "customer.", "case.", "team.", "agent.", "promise.", "survey.", "incident.", "gesture."];

    /// <summary>A field of Guichet's own (as opposed to a variable the agent supplies when sending).</summary>
    public static bool IsOwnField(string expression)
    {
        var name = expression.Split('|')[0].Trim();
        return Namespaces.Any(n => n.EndsWith('.') ? name.StartsWith(n, StringComparison.Ordinal) : name == n);
    }

    public string Language => CustomerLanguage.ToWriteIn(Customer.Language);

    public DateTimeZone Zone => DateTimeZoneProviders.Tzdb.GetZoneOrNull(Customer.TimeZone) ?? Team.Calendar.Zone;

    /// <summary>The facts of a case for a message sent now: its open promise due first.</summary>
    public static TemplateFacts Of(Case @case, Instant now, string? agentName = null, IReadOnlyDictionary<string, string>? variables = null)
    {
        var promise = @case.Promises.Where(p => p.State == Promises.PromiseState.Open).OrderBy(p => p.DueAt).FirstOrDefault();
        return new TemplateFacts(@case.Customer, @case.Team, now)
        {
            Reference = @case.Reference,
            Subject = @case.Subject,
            Channel = @case.Channel,
            AgentName = agentName,
            PromiseWhat = promise?.What,
            PromiseDue = promise?.DueAt.ToInstant(),
            Variables = variables,
        };
    }

    /// <summary>The customer of the sample case: a salutation, an address and a number, so every field has a value.</summary>
    public static Customer SampleCustomer(string language, string timeZone)
    {
        var customer = new Customer { Name = "Claire Durand", Salutation = "Madame", Language = language, TimeZone = timeZone };
        customer.Identities.Add(new CustomerIdentity { Kind = IdentityKind.Email, Value = "claire.durand@example.org" });
        customer.Identities.Add(new CustomerIdentity { Kind = IdentityKind.Phone, Value = "+33612345678" });
        return customer;
    }

    /// <summary>Every field filled, to try a template when it is saved or previewed without a case.</summary>
    public static TemplateFacts Sample(Team team, Customer customer, Instant now) => new(customer, team, now)
    {
        Reference = "G-2026-000123",
        Subject = "Colis non reçu",
        Channel = Guichet.Core.Channel.Email,
        FollowLink = "https://example.org/suivi/exemple",
        AgentName = "Camille Martin",
        PromiseWhat = "Rappeler le client",
        PromiseDue = now.Plus(Duration.FromDays(2)),
        SurveyLink = "https://example.org/avis/exemple",
        IncidentTitle = "le vol LH1234 Francfort–Paris a eu 2 h 10 de retard",
        GestureText = "Un avoir de 30,00 EUR est crédité sur votre compte.",
    };

    public Dictionary<string, object?> ToModel()
    {
        var language = Language;
        var model = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in Variables ?? new Dictionary<string, string>())
        {
            if (!string.IsNullOrWhiteSpace(value) && !IsOwnField(name))
            {
                model[name] = value;
            }
        }
        model["greeting"] = Greeting(Customer, language);
        model["customer"] = Present(
            ("name", Customer.Name), ("salutation", Customer.Salutation), ("language", language),
            ("email", Customer.Identities.FirstOrDefault(i => i.Kind == IdentityKind.Email)?.Value),
            ("phone", Customer.Identities.FirstOrDefault(i => i.Kind == IdentityKind.Phone)?.Value));
        model["case"] = Present(("reference", Reference), ("subject", Subject),
            ("channel", Channel is { } channel ? WireNames.ToWire(channel) : null), ("follow_link", FollowLink));
        model["team"] = Present(("name", Team.Name), ("email", Team.MailAddress),
            ("back", Team.Calendar.IsOpen(Now) ? null : SpokenDate.Format(Team.Calendar.NextOpening(Now), Zone, language, Now)));
        model["agent"] = Present(("name", AgentName ?? Team.Name));
        model["promise"] = Present(("what", PromiseWhat),
            ("due", PromiseDue is { } due ? SpokenDate.Format(due, Zone, language, Now) : null),
            ("due_iso", PromiseDue?.ToDateTimeOffset().ToString("O", System.Globalization.CultureInfo.InvariantCulture)));
        model["survey"] = Present(("link", SurveyLink));
        model["incident"] = Present(("title", IncidentTitle));
        model["gesture"] = Present(("text", GestureText));
        return model;
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

    private static Dictionary<string, object?>? Present(params (string Name, string? Value)[] values)
    {
        var present = values.Where(v => !string.IsNullOrWhiteSpace(v.Value)).ToDictionary(v => v.Name, v => (object?)v.Value, StringComparer.Ordinal);
        return present.Count == 0 ? null : present;
    }
}
