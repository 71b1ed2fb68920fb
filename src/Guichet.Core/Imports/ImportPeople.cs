using Guichet.Core.Agents;
using Guichet.Core.Cases;
using Guichet.Core.Customers;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Imports;

/// <summary>
/// Who wrote each comment of a batch of tickets, and who asked: a person the export does not hold (a
/// deleted user) is kept as a stand-in — a customer when they asked, an inactive agent otherwise —
/// so that no comment loses its author. An agent who asked for a ticket is its customer as well.
/// </summary>
internal sealed class ImportPeople(GuichetDb db, ImportKeys keys, ImportDirectory directory, string source)
{
    private const string NoRequester = "(none)";
    private readonly Dictionary<long, string> _agents = [];
    private readonly Dictionary<long, string> _customers = [];

    public string SourceName { get; } = char.ToUpperInvariant(source[0]) + source[1..];

    public async Task ResolveAsync(IReadOnlyList<ImportedCase> tickets, CancellationToken ct)
    {
        var newCustomers = new List<(string Id, Customer Customer)>();
        var newAgents = new List<(string Id, Agent Agent)>();
        foreach (var requester in tickets.Select(t => t.RequesterExternalId ?? NoRequester).Distinct().Where(r => keys.Find("customer", r) is null))
        {
            if (keys.Find("agent", requester) is { } agentId && await AgentAsCustomerAsync(agentId, ct) is { } same)
            {
                keys.Add("customer", requester, same);
                continue;
            }
            var stand = directory.NewCustomer(requester == NoRequester ? $"{SourceName}: demandeur inconnu" : $"{SourceName} user {requester}", null);
            db.Customers.Add(stand);
            newCustomers.Add((requester, stand));
        }
        // Someone unknown who asked for a ticket of the batch is that customer, not a stand-in agent.
        var requesters = tickets.Select(t => t.RequesterExternalId).OfType<string>().ToHashSet();
        var writers = tickets.SelectMany(t => t.Comments.Where(c => !c.BySystem).Select(c => c.AuthorExternalId))
            .Concat(tickets.Select(t => t.AssigneeExternalId)).OfType<string>().Distinct()
            .Where(a => keys.Find("agent", a) is null && keys.Find("customer", a) is null && !requesters.Contains(a));
        foreach (var writer in writers)
        {
            var stand = directory.NewAgent(writer, $"{SourceName} user {writer}", null, AgentRole.Agent, null);
            db.Agents.Add(stand);
            newAgents.Add((writer, stand));
        }
        if (newCustomers.Count + newAgents.Count > 0)
        {
            await db.SaveChangesAsync(ct);
            newCustomers.ForEach(n => keys.Add("customer", n.Id, n.Customer.Id));
            newAgents.ForEach(n => keys.Add("agent", n.Id, n.Agent.Id));
        }
        await NamesAsync(tickets, ct);
    }

    /// <summary>The customer an agent is when they asked for a ticket themselves: found by their address, or made.</summary>
    private async Task<long?> AgentAsCustomerAsync(long agentId, CancellationToken ct)
    {
        var agent = await db.Agents.AsNoTracking().Where(a => a.Id == agentId).Select(a => new { a.Name, a.Email }).FirstOrDefaultAsync(ct);
        if (agent is null)
        {
            return null;
        }
        var email = agent.Email.EndsWith("@import.invalid", StringComparison.Ordinal) ? null : agent.Email;
        if (email is not null && await db.CustomerIdentities.Where(i => i.Kind == IdentityKind.Email && i.Value == email).Select(i => (long?)i.CustomerId).FirstOrDefaultAsync(ct) is { } known)
        {
            return known;
        }
        var customer = directory.NewCustomer(agent.Name, null);
        if (email is not null)
        {
            customer.Identities.Add(new CustomerIdentity { Kind = IdentityKind.Email, Value = email, Verified = true });
        }
        db.Customers.Add(customer);
        await db.SaveChangesAsync(ct);
        return customer.Id;
    }

    private async Task NamesAsync(IReadOnlyList<ImportedCase> tickets, CancellationToken ct)
    {
        var people = tickets.SelectMany(t => t.Comments.Select(c => c.AuthorExternalId).Append(t.RequesterExternalId ?? NoRequester)).OfType<string>().Distinct().ToList();
        var agents = people.Select(p => keys.Find("agent", p)).OfType<long>().Where(id => !_agents.ContainsKey(id)).Distinct().ToList();
        foreach (var a in await db.Agents.AsNoTracking().Where(a => agents.Contains(a.Id)).Select(a => new { a.Id, a.Name }).ToListAsync(ct))
        {
            _agents[a.Id] = a.Name;
        }
        if (_customers.Count > 100_000)
        {
            // Names are only needed for the batch at hand: a long import keeps its memory flat.
            _customers.Clear();
        }
        var customers = people.Select(p => keys.Find("customer", p)).OfType<long>().Where(id => !_customers.ContainsKey(id)).Distinct().ToList();
        foreach (var c in await db.Customers.AsNoTracking().Where(c => customers.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToListAsync(ct))
        {
            _customers[c.Id] = c.Name;
        }
    }

    public long CustomerFor(ImportedCase t) => keys.Find("customer", t.RequesterExternalId ?? NoRequester) ?? throw new InvalidOperationException("Requesters are resolved first.");

    public long? AgentFor(string? externalId) => keys.Find("agent", externalId);

    /// <summary>A comment as a message (the customer's word, a reply, an automatic word) or as an internal note.</summary>
    public (Message? Message, CaseEvent? Note) Said(ImportedCase ticket, ImportedComment c)
    {
        var body = ImportText.Body(c);
        var agent = c.BySystem ? null : keys.Find("agent", c.AuthorExternalId);
        var customer = c.BySystem ? null : keys.Find("customer", c.AuthorExternalId);
        var name = ImportDirectory.Clip(c.BySystem ? c.AuthorName ?? CaseEvent.SystemActor
            : agent is { } a && _agents.TryGetValue(a, out var an) ? an
            : customer is { } k && _customers.TryGetValue(k, out var cn) ? cn
            : c.AuthorName ?? $"{SourceName} user {c.AuthorExternalId}", 200);
        var cc = c.Cc is null ? null : ImportDirectory.Clip(c.Cc, CopiedPeople.MaxLength);
        if (!c.Public)
        {
            return (null, new CaseEvent { Kind = CaseEventKind.Note, At = c.CreatedAt.ToUniversalTime(), ActorId = agent, ActorName = name, Detail = body });
        }
        var channel = c.Channel ?? ticket.Channel;
        // The requester's own words are theirs even when they are an agent too; anyone else with an agent's account answers.
        var reply = c.BySystem || (agent is not null && (customer is null || c.AuthorExternalId != ticket.RequesterExternalId));
        return (reply
            ? new Message
            {
                IsImported = true, Direction = MessageDirection.Out, Kind = c.BySystem ? MessageKind.IntakeNotice : MessageKind.Reply, IsAutomatic = c.BySystem,
                Channel = channel, Body = body, AuthorId = agent, AuthorName = name, CreatedAt = c.CreatedAt.ToUniversalTime(), Cc = cc,
            }
            : new Message
            {
                IsImported = true, Direction = MessageDirection.In, Kind = MessageKind.Contact,
                Channel = channel, Body = body, AuthorName = name, CreatedAt = c.CreatedAt.ToUniversalTime(), Cc = cc,
            }, null);
    }
}
