using Guichet.Core.Agents;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Cases;

/// <summary>
/// Internal transfer with a required note (SPEC C3, C5): to another team, or to a person (and so
/// their team). The customer is never asked to write elsewhere; they hear of it only when their
/// named contact changes, from the new owner (<see cref="NamedContact"/>). Transfers are counted (M2).
/// </summary>
public sealed class TransferCase(GuichetDb db, TimeProvider clock)
{
    public async Task<Result<Case>> RunAsync(long caseId, string? teamSlug, long? agentId, string? note, Agent actor, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var to = agentId is null ? null : await db.Agents.Include(a => a.Team).FirstOrDefaultAsync(a => a.Id == agentId && a.Active && a.Role != AgentRole.Auditor, ct);
        if (agentId is not null && to is null)
        {
            errors.Add("agentId", $"There is no active agent {agentId} who can own cases.");
        }
        var team = to?.Team ?? (teamSlug is null ? null : await db.Teams.FirstOrDefaultAsync(t => t.Slug == teamSlug, ct));
        if (to is not null && teamSlug is not null && teamSlug != to.Team.Slug)
        {
            errors.Add("team", $"{to.Name} is in the team {to.Team.Name}, not '{teamSlug}'.");
        }
        else if (team is null && agentId is null)
        {
            errors.Add("team", teamSlug is null ? "Name the team (or the agent) that receives the case." : $"There is no team '{teamSlug}'.");
        }
        if (string.IsNullOrWhiteSpace(note))
        {
            errors.Add("note", "A transfer needs a note for the receiving team: what was asked, tried and promised.");
        }
        if (errors.Any)
        {
            return errors;
        }
        var @case = await db.FindCaseAsync(caseId, ct);
        if (@case is null)
        {
            return CaseQueries.CaseNotFound(caseId);
        }
        var lastWriter = await NamedContact.LastWriterAsync(db, caseId, ct);
        var now = clock.Now();
        if (@case.TransferTo(team!, to, note!.Trim(), actor, now) is { } failure)
        {
            return failure;
        }
        if (to is not null)
        {
            NamedContact.Introduce(db, @case, lastWriter, to, now);
        }
        await db.SaveChangesAsync(ct);
        return @case;
    }
}
