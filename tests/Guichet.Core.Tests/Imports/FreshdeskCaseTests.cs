using Guichet.Core.Cases;
using Guichet.Core.Imports;

namespace Guichet.Core.Tests.Imports;

/// <summary>Tickets as cases: codes mapped, references kept, custom field values as the writer expects them.</summary>
public class FreshdeskCaseTests
{
    [Theory]
    [InlineData("301", ImportedStatus.Closed, CasePriority.Normal, Channel.Email)]
    [InlineData("302", ImportedStatus.Solved, CasePriority.High, Channel.Portal)]
    [InlineData("303", ImportedStatus.Open, CasePriority.Urgent, Channel.Email)]
    [InlineData("306", ImportedStatus.Pending, CasePriority.Low, Channel.Phone)]
    [InlineData("307", ImportedStatus.Open, CasePriority.Normal, Channel.Chat)]
    [InlineData("308", ImportedStatus.Pending, CasePriority.High, Channel.Portal)]
    [InlineData("309", ImportedStatus.Closed, CasePriority.Low, Channel.Email)]
    [InlineData("310", ImportedStatus.Solved, CasePriority.Low, Channel.Portal)]
    [InlineData("315", ImportedStatus.Pending, CasePriority.Normal, Channel.Email)]
    public async Task Status_priority_and_source_are_mapped(string id, ImportedStatus status, CasePriority priority, Channel channel)
    {
        var ticket = await FreshdeskSample.CaseAsync(id);

        Assert.Equal((status, priority, channel), (ticket.Status, ticket.Priority, ticket.Channel));
    }

    [Fact]
    public async Task A_ticket_keeps_its_number_people_team_company_tags_and_copies()
    {
        var ticket = await FreshdeskSample.CaseAsync("303");

        Assert.Equal(("303", "Terminal de paiement bloqué « E-217 »"), (ticket.Number, ticket.Subject));
        Assert.Equal(("48000000103", "48000000002", "48000000601", "48000000503"),
            (ticket.RequesterExternalId, ticket.AssigneeExternalId, ticket.TeamExternalId, ticket.OrganisationExternalId));
        Assert.Equal(["terminal", "urgent"], ticket.Tags);
        Assert.Equal(["compta@pharmacie-centre.example.com"], ticket.Copied!);
        Assert.Equal((DateTimeOffset.Parse("2024-03-05T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture), (DateTimeOffset?)null), (ticket.CreatedAt, ticket.SolvedAt));
        Assert.Null((await FreshdeskSample.CaseAsync("310")).OrganisationExternalId);
    }

    [Fact]
    public async Task Custom_field_values_are_invariant_text_and_nulls_are_left_out()
    {
        var quote = await FreshdeskSample.CaseAsync("315");
        var refund = await FreshdeskSample.CaseAsync("302");

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["cf_order_number"] = "FL-DEV-25", ["cf_terminals"] = "25", ["cf_delivery_date"] = "2024-04-15", ["cf_category"] = "Facturation", ["cf_vip"] = "true",
                ["cf_modules"] = "Ventes\nStock", ["cf_refund_amount"] = "0.0", ["cf_internal_notes"] = "Remise 8 % accordée par la direction.\nValidité 30 jours.",
            },
            quote.Fields);
        Assert.Equal(new Dictionary<string, string> { ["cf_category"] = "Facturation", ["cf_vip"] = "false", ["cf_refund_amount"] = "249.9" }, refund.Fields);
    }

    [Fact]
    public async Task A_closed_or_resolved_ticket_without_stats_is_solved_when_last_updated()
    {
        var closed = await FreshdeskSample.CaseAsync("301");

        Assert.Equal(closed.UpdatedAt, closed.SolvedAt);
    }
}
