using Guichet.Core.Agents;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Cases;

/// <summary>An agent answers a "perhaps the same matter" hint with no: both cases say so, and neither shows the hint again.</summary>
public sealed class NotSameMatter(GuichetDb db, TimeProvider clock)
{
    public async Task<Result<Case>> RunAsync(long caseId, string? otherReference, Agent by, CancellationToken ct = default)
    {
        var key = (otherReference ?? "").Trim().Trim('[', ']');
        var @case = await db.Cases.VisibleTo(by).FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (@case is null)
        {
            return CaseQueries.CaseNotFound(caseId);
        }
        var other = await db.Cases.VisibleTo(by).FirstOrDefaultAsync(c => c.Reference == key && c.Id != caseId, ct);
        if (other is null)
        {
            return Failure.NotFound("reference", $"There is no case {key}.");
        }
        var now = clock.Now();
        db.CaseEvents.Add(CaseEvent.Create(CaseEventKind.NotSameMatter, now, by, null, other.Reference).On(@case.Id));
        db.CaseEvents.Add(CaseEvent.Create(CaseEventKind.NotSameMatter, now, by, null, @case.Reference).On(other.Id));
        await db.SaveChangesAsync(ct);
        return @case;
    }
}
