using Guichet.Core.Agents;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Cases;

/// <summary>
/// Internal transfer with a required note (SPEC C3): the customer is never asked to write
/// elsewhere. Routing, summary cards and transfer counts grow here with the routing issue.
/// </summary>
public sealed class TransferCase(GuichetDb db, TimeProvider clock)
{
    public async Task<Result<Case>> RunAsync(long caseId, string? teamSlug, string? note, Agent actor, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var team = teamSlug is null ? null : await db.Teams.FirstOrDefaultAsync(t => t.Slug == teamSlug, ct);
        if (team is null)
        {
            errors.Add("team", teamSlug is null ? "Name the team that receives the case." : $"There is no team '{teamSlug}'.");
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
        if (@case.TransferTo(team!, note!.Trim(), actor, clock.Now()) is { } failure)
        {
            return failure;
        }
        await db.SaveChangesAsync(ct);
        return @case;
    }
}
