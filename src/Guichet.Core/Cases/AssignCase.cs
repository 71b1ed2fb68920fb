using Guichet.Core.Agents;
using Guichet.Core.Data;
using Guichet.Core.Promises;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Cases;

/// <summary>
/// Gives a case its named owner (SPEC C4); team-owned promises become the owner's. If the customer
/// had been dealing with someone else, the new owner introduces themselves (<see cref="NamedContact"/>).
/// </summary>
public sealed class AssignCase(GuichetDb db, TimeProvider clock)
{
    public async Task<Result<Case>> RunAsync(long caseId, long? ownerId, Agent actor, CancellationToken ct = default)
    {
        var owner = ownerId is null ? null : await db.Agents.FirstOrDefaultAsync(a => a.Id == ownerId && a.Active && a.Role != AgentRole.Auditor, ct);
        if (owner is null)
        {
            return Failure.Invalid("ownerId", ownerId is null ? "Name the agent who will own the case." : $"There is no active agent {ownerId} who can own cases.");
        }
        var @case = await db.FindCaseAsync(caseId, ct);
        if (@case is null)
        {
            return CaseQueries.CaseNotFound(caseId);
        }
        var now = clock.Now();
        var lastWriter = await NamedContact.LastWriterAsync(db, caseId, ct);
        var changed = @case.OwnerId != owner.Id;
        @case.AssignTo(owner, actor, now);
        if (changed)
        {
            NamedContact.Introduce(db, @case, lastWriter, owner, now);
        }
        foreach (Promise promise in @case.Promises.Where(p => p.IsActive && p.OwnerId is null))
        {
            promise.AssignOwner(owner);
        }
        await db.SaveChangesAsync(ct);
        return @case;
    }
}
