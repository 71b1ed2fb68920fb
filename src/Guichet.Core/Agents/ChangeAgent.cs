using Guichet.Core.Customers;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Agents;

/// <summary>PATCH /api/agents/{id}: what routing reads of an agent, and (admins only) role, team, visibility and whether the account is active; only what is named changes.</summary>
public sealed record AgentChange(string? Presence = null, int? Capacity = null, string? Languages = null, string? Skills = null,
    string? Role = null, string? Team = null, bool? AllTeams = null, bool? Active = null);

/// <summary>
/// Changes an agent's presence, capacity, languages and skills (issue 7). Agents set their own
/// presence; the rest, and anyone else's, is an admin's or a lead's. Role, team, "all teams" and
/// deactivation are an admin's (issue 10), who can never leave Guichet without an active admin.
/// </summary>
public sealed class ChangeAgent(GuichetDb db, TimeProvider clock)
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
        var administers = change.Role is not null || change.Team is not null || change.AllTeams is not null || change.Active is not null;
        if (administers && actor.Role != AgentRole.Admin)
        {
            return Failure.Forbidden("role", "Only an admin changes a person's role, team, visibility or account.");
        }
        var errors = new ValidationErrors();
        var role = agent.Role;
        if (change.Role is not null && !Cases.WireNames.TryParseWire(change.Role, out role))
        {
            errors.Add("role", "The role must be agent, lead, manager, admin or auditor.");
        }
        var team = change.Team is null ? agent.Team : await db.Teams.FirstOrDefaultAsync(t => t.Slug == change.Team, ct);
        if (team is null)
        {
            errors.Add("team", $"There is no team '{change.Team}'.");
        }
        var stopsAdmin = agent.Role == AgentRole.Admin && agent.Active && (role != AgentRole.Admin || change.Active == false);
        if (stopsAdmin && !await db.Agents.AnyAsync(a => a.Id != agent.Id && a.Active && a.Role == AgentRole.Admin && a.PasswordHash != "", ct))
        {
            errors.Add(change.Active == false ? "active" : "role", "Guichet needs at least one active admin who can sign in; name another first.");
        }
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
        agent.Role = role;
        agent.Team = team!;
        agent.AllTeams = change.AllTeams ?? agent.AllTeams;
        if (change.Active is { } active && active != agent.Active)
        {
            // Deactivated or back: every session made before ends; tokens made before a deactivation stay dead (issue 21).
            agent.Active = active;
            agent.EndEverySession();
            if (!active)
            {
                var now = clock.GetUtcNow();
                await db.ApiTokens.Where(t => t.AgentId == agent.Id && t.RevokedAt == null).ExecuteUpdateAsync(u => u.SetProperty(t => t.RevokedAt, now), ct);
            }
        }
        agent.Presence = presence;
        agent.Capacity = change.Capacity ?? agent.Capacity;
        agent.Languages = languages ?? agent.Languages;
        agent.Skills = change.Skills is null ? agent.Skills : CommaList.Normalise(change.Skills);
        await db.SaveChangesAsync(ct);
        return agent;
    }
}
