using Guichet.Core.Customers;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Agents;

/// <summary>PATCH /api/agents/{id}: what routing reads of an agent; only what is named changes.</summary>
public sealed record AgentChange(string? Presence = null, int? Capacity = null, string? Languages = null, string? Skills = null);

/// <summary>
/// Changes an agent's presence, capacity, languages and skills (issue 7). Agents set their own
/// presence; the rest, and anyone else's, is an admin's or a lead's.
/// </summary>
public sealed class ChangeAgent(GuichetDb db)
{
    public async Task<Result<Agent>> RunAsync(long id, AgentChange change, Agent actor, CancellationToken ct = default)
    {
        var agent = await db.Agents.Include(a => a.Team).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (agent is null)
        {
            return Failure.NotFound("id", $"There is no agent {id}.");
        }
        var manages = actor.Role is AgentRole.Admin or AgentRole.Manager or AgentRole.Lead;
        if (!manages && (actor.Id != id || change.Capacity is not null || change.Languages is not null || change.Skills is not null))
        {
            return Failure.Forbidden("id", "Agents change their own presence only; a lead, manager or admin changes the rest.");
        }
        var errors = new ValidationErrors();
        var presence = agent.Presence;
        if (change.Presence is not null && !Cases.WireNames.TryParseWire(change.Presence, out presence))
        {
            errors.Add("presence", "The presence must be available, away or offline.");
        }
        if (change.Capacity is < 0 or > 1000)
        {
            errors.Add("capacity", "The capacity is between 0 and 1000 active cases.");
        }
        var languages = change.Languages is null ? null : CommaList.Languages(change.Languages);
        if (change.Languages is not null && languages is null)
        {
            errors.Add("languages", "Languages are ISO codes separated by commas, e.g. \"fr,en\".");
        }
        if (errors.Any)
        {
            return errors;
        }
        agent.Presence = presence;
        agent.Capacity = change.Capacity ?? agent.Capacity;
        agent.Languages = languages ?? agent.Languages;
        agent.Skills = change.Skills is null ? agent.Skills : CommaList.Normalise(change.Skills);
        await db.SaveChangesAsync(ct);
        return agent;
    }
}
