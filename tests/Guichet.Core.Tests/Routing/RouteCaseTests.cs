using Guichet.Core.Cases;
using Guichet.Core.Routing;
using Guichet.Core.Teams;

namespace Guichet.Core.Tests.Routing;

public class RouteCaseTests
{
    private static readonly Team Desk = new() { Slug = "desk", Name = "Desk", TimeZone = "Europe/Paris", Hours = "mon-fri 09:00-17:00", Languages = "fr" };
    private static readonly Team NorthAmerica = new() { Slug = "na", Name = "North America", TimeZone = "America/Montreal", Hours = "mon-fri 09:00-17:00", Languages = "en,fr" };
    private static readonly Team Billing = new() { Slug = "billing", Name = "Facturation", TimeZone = "Europe/Paris", Hours = "mon-fri 09:00-17:00", Languages = "fr,en", Skills = "billing" };
    private static readonly Team[] Teams = [Desk, NorthAmerica, Billing];

    private static RoutingInput Input(string language, string text, bool named = false, string tier = "standard", Channel channel = Channel.Email) =>
        new(channel, tier, language, text, Desk, named);

    [Fact]
    public void Without_rules_a_customer_is_sent_to_a_team_that_speaks_their_language_unless_the_door_named_one()
    {
        Assert.Equal("desk", RouteCase.Decide(Input("fr", "Bonjour"), [], Teams).Team.Slug);
        var english = RouteCase.Decide(Input("en", "Hello"), [], Teams);
        Assert.Equal("na", english.Team.Slug);
        Assert.Contains("team speaking en", english.Reasons);
        Assert.Equal("desk", RouteCase.Decide(Input("en", "Hello", named: true), [], Teams).Team.Slug);
    }

    [Fact]
    public void The_first_matching_rule_wins_for_each_of_team_priority_and_category_and_a_category_finds_the_team_that_knows_it()
    {
        RoutingRule[] rules =
        [
            new() { Position = 0, Name = "Chat urgent", Channel = Channel.Chat, Priority = CasePriority.Urgent },
            new() { Position = 1, Name = "Factures", Terms = "facture, invoice, prélèvement", Category = "billing", Priority = CasePriority.Low },
            new() { Position = 2, Name = "Tout", Priority = CasePriority.High },
        ];
        var invoice = RouteCase.Decide(Input("fr", "Un prelevement en double sur ma FACTURE"), rules, Teams);
        Assert.Equal((CasePriority.Low, "billing", "billing"), (invoice.Priority!.Value, invoice.Category!, invoice.Team.Slug));
        var chat = RouteCase.Decide(Input("fr", "Ma facture", channel: Channel.Chat), rules, Teams);
        Assert.Equal(CasePriority.Urgent, chat.Priority);
        Assert.Equal(CasePriority.High, RouteCase.Decide(Input("fr", "Bonjour"), rules, Teams).Priority);
        // A term matches whole words only: "factures" is not "facture".
        Assert.Null(RouteCase.Decide(Input("fr", "Mes factures"), rules, Teams).Category);
    }

    [Fact]
    public void Profile_conditions_read_tags_organisations_and_fields_and_every_matching_rule_adds_its_tags()
    {
        RoutingRule[] rules =
        [
            new() { Position = 0, Name = "Grands comptes", Field = "segment=Grand compte", Priority = CasePriority.Urgent, Tags = "grand-compte" },
            new() { Position = 1, Name = "Acme", Organisation = "acme", TeamSlug = "billing", Tags = "acme,grand-compte" },
            new() { Position = 2, Name = "VIP", ProfileTag = "vip", Priority = CasePriority.Low, Tags = "vip" },
        ];
        var acme = new RoutingProfile(new HashSet<string> { "vip" }, new HashSet<string> { "acme" }, new Dictionary<string, string> { ["segment"] = "Grand compte" });
        var decided = RouteCase.Decide(Input("fr", "Bonjour") with { Profile = acme }, rules, Teams);
        Assert.Equal((CasePriority.Urgent, "billing"), (decided.Priority!.Value, decided.Team.Slug));
        Assert.Equal(["grand-compte", "acme", "vip"], decided.Tags);
        Assert.Equal(3, decided.Reasons.Count);

        // Without a profile, or with another one, no profile rule holds.
        Assert.Empty(RouteCase.Decide(Input("fr", "Bonjour"), rules, Teams).Tags);
        var small = new RoutingProfile(new HashSet<string>(), new HashSet<string> { "acme-bis" }, new Dictionary<string, string> { ["segment"] = "PME" });
        var other = RouteCase.Decide(Input("fr", "Bonjour") with { Profile = small }, rules, Teams);
        Assert.Equal((null, "desk"), (other.Priority, other.Team.Slug));
        Assert.Empty(other.Tags);
    }
}

public class RoutingRulesTextTests
{
    [Fact]
    public void Rules_read_from_lines_and_written_back_the_same()
    {
        const string text = "Clients or | tier=gold | team=accueil; priority=high\nFactures | channel=email; terms=facture, invoice | category=billing\nTout |  | priority=normal";
        var parsed = RoutingRulesText.Parse(text);
        Assert.True(parsed.Succeeded);
        Assert.Equal(3, parsed.Value.Count);
        Assert.Equal(("gold", "accueil", "high"), (parsed.Value[0].Tier, parsed.Value[0].Team, parsed.Value[0].Priority));
        Assert.Equal(("email", "facture, invoice", "billing"), (parsed.Value[1].Channel, parsed.Value[1].Terms, parsed.Value[1].Category));
        var rules = new[]
        {
            new RoutingRule { Position = 0, Name = "Clients or", Tier = "gold", TeamSlug = "accueil", Priority = CasePriority.High },
            new RoutingRule { Position = 1, Name = "Factures", Channel = Channel.Email, Terms = "facture, invoice", Category = "billing" },
        };
        Assert.Equal("Clients or | tier=gold | team=accueil; priority=high\nFactures | channel=email; terms=facture, invoice | category=billing", RoutingRulesText.Format(rules));
    }

    [Theory]
    [InlineData("Sans actions | tier=gold")]
    [InlineData("Mauvaise clé | colour=blue | team=accueil")]
    [InlineData("Action en condition | team=accueil | priority=high")]
    public void A_line_that_does_not_read_is_refused_with_its_number(string line)
    {
        var parsed = RoutingRulesText.Parse("Ok | | priority=high\n" + line);
        Assert.False(parsed.Succeeded);
        Assert.StartsWith("Line 2", parsed.Failure!.Errors["rules"][0], StringComparison.Ordinal);
    }

}
