using Guichet.Core.Customers;
using Guichet.Core.Replies;
using Guichet.Core.Teams;
using NodaTime;

namespace Guichet.Core.Tests.Replies;

public class LiquidTemplateTests
{
    private static readonly Team Desk = new() { Slug = "desk", Name = "Service client", TimeZone = "Europe/Paris", Hours = "mon-fri 09:00-17:00" };
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 18, 10, 0);

    // seeds/004: "un email semi-automatique, dont le conseiller a oublié de remplir certains des champs".
    private const string ParcelRelay = """
        {{ greeting }},

        Votre colis de la commande {{ order_number }} a bien été livré au point relais {{ relay_name }}, {{ relay_address }}.
        Il vous y attend jusqu'au {{ pickup_until }}.

        {{ agent.name }}, {{ team.name }}
        """;

    private static Customer Durand() => new() { Name = "Claire Durand", Salutation = "Madame", Language = "fr", TimeZone = "Europe/Paris" };

    [Fact]
    public void The_seeds_004_email_with_a_field_the_agent_forgot_is_blocked_with_Q1()
    {
        var facts = new TemplateFacts(Durand(), Desk, Now)
        {
            Reference = "G-2026-000412",
            AgentName = "Karim",
            // The agent filled the order number and the date, not the relay.
            Variables = new Dictionary<string, string> { ["order_number"] = "FL-88231", ["pickup_until"] = "28 décembre", ["relay_name"] = " " },
        };
        var rendered = LiquidTemplate.Render(ParcelRelay, facts.ToModel());

        Assert.Equal(["relay_name", "relay_address"], rendered.EmptyFields);
        var reasons = SendGuard.Check(GuardContext.For(facts.Customer, rendered.Text) with { EmptyFields = rendered.EmptyFields });
        var q1 = Assert.Single(reasons, r => r.Code == "Q1.field");
        Assert.True(q1.Blocking);
        Assert.Contains("{{ relay_name }}", q1.Message, StringComparison.Ordinal);
        Assert.Contains("{{ relay_address }}", q1.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_email_filled_in_passes()
    {
        var facts = new TemplateFacts(Durand(), Desk, Now)
        {
            AgentName = "Karim",
            Variables = new Dictionary<string, string> { ["order_number"] = "FL-88231", ["pickup_until"] = "28 décembre", ["relay_name"] = "Tabac de la Gare", ["relay_address"] = "3 rue Carnot, Lyon" },
        };
        var rendered = LiquidTemplate.Render(ParcelRelay, facts.ToModel());

        Assert.Empty(rendered.EmptyFields);
        Assert.StartsWith("Bonjour Madame Claire Durand,", rendered.Text, StringComparison.Ordinal);
        Assert.Contains("point relais Tabac de la Gare, 3 rue Carnot, Lyon.", rendered.Text, StringComparison.Ordinal);
        Assert.Empty(SendGuard.Check(GuardContext.For(facts.Customer, rendered.Text) with { EmptyFields = rendered.EmptyFields }));
    }

    [Fact]
    public void A_field_in_a_branch_not_taken_or_with_a_default_is_not_empty()
    {
        var model = new TemplateFacts(Durand(), Desk, Now).ToModel();
        var rendered = LiquidTemplate.Render("A{% if promise.due %} due {{ promise.due }}{% endif %} {{ customer.phone | default: 'sans numéro' }} {{- customer.name | upcase -}} !", model);

        Assert.Empty(rendered.EmptyFields);
        Assert.Equal("A sans numéroCLAIRE DURAND!", rendered.Text);
    }

    [Fact]
    public void A_field_printed_empty_after_its_filters_is_reported_once_as_written()
    {
        var rendered = LiquidTemplate.Render("{{ customer.salutation | strip }} {{customer.salutation|strip}} {{ nope }}", new Dictionary<string, object?>());

        Assert.Equal(["customer.salutation | strip", "nope"], rendered.EmptyFields.Distinct());
    }

    [Fact]
    public void A_syntax_error_is_named()
    {
        Assert.NotNull(LiquidTemplate.SyntaxError("Bonjour {% if customer.name %}sans fin"));
        Assert.Null(LiquidTemplate.SyntaxError("Bonjour {{ customer.name }}"));
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public void Every_shipped_template_renders_complete_for_a_full_case_and_passes_the_guard(string language)
    {
        var customer = new Customer { Name = "Claire Durand", Salutation = "Madame", Language = language, TimeZone = "Europe/Paris" };
        var facts = TemplateFacts.Sample(Desk, customer, Now);
        foreach (var key in ShippedTemplates.Keys)
        {
            var rendered = LiquidTemplate.Render(ShippedTemplates.Find(key, language)!, facts.ToModel());
            Assert.True(rendered.EmptyFields.Count == 0, $"{key}.{language}: {string.Join(",", rendered.EmptyFields)}");
            var reasons = SendGuard.Check(GuardContext.For(customer, rendered.Text) with { CarriesPromise = true, IsDelayNotice = key.EndsWith("notice", StringComparison.Ordinal) });
            Assert.True(reasons.Count == 0, $"{key}.{language}: {string.Join(" ", reasons.Select(r => r.Message))}");
        }
    }
}
