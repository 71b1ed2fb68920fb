using Guichet.Core.Cases;
using Guichet.Core.Customers;
using Guichet.Core.Incidents;
using Guichet.Core.Teams;

namespace Guichet.Core.Routing;

/// <summary>
/// The case a new contact opens, on every door (the API, the portal, email): routed by the rules
/// and the customer's language, given to an agent when the team assigns at once, joined to the
/// crisis the customer is caught in, and its first message read for escalation signals. The
/// caller stores it and writes its acknowledgment.
/// </summary>
public static class NewContact
{
    public static async Task<(Case Case, Message First)> OpenAsync(Data.GuichetDb db, Customer customer, Channel channel, string subject, string body, string? internetMessageId,
        Team receiving, bool teamNamed, IReadOnlyList<RoutingRule> rules, IReadOnlyList<Team> teams, IEnumerable<Crisis> crises, DateTimeOffset now, CancellationToken ct, FoldedText? read = null)
    {
        var language = CustomerLanguage.ToWriteIn(customer.Language);
        var profile = rules.Any(r => r.ReadsProfile) ? await RoutingProfile.ReadAsync(db, customer, ct) : null;
        var routing = RouteCase.Decide(new RoutingInput(channel, customer.Tier, language, subject + " " + body, receiving, teamNamed, profile), rules, teams);
        var team = routing.Team;
        var @case = Case.Open(team, customer, subject, channel, now);
        @case.Route(routing, now);
        if (routing.Tags.Count > 0)
        {
            @case.Retag(routing.Tags, [], null, now);
        }
        if (team.AutoAssign && await AssignAgent.PickAsync(db, team.Id, language, routing.Category, ct) is { } agent)
        {
            @case.AssignTo(agent, null, now);
        }
        if (Crisis.Covering(crises, customer.PostalCode, now) is { } crisis)
        {
            @case.JoinCrisis(crisis, now);
        }
        var first = Message.Contact(channel, body, customer.Name, internetMessageId, now);
        @case.Messages.Add(first);
        @case.RecordCustomerContact(now);
        ReadCustomerMessage.Apply(@case, team, body, [], now, read);
        return (@case, first);
    }
}
