using Guichet.Core.Agents;
using Guichet.Core.Cases;
using Guichet.Core.Data;

namespace Guichet.Core.Promises;

/// <summary>A manager lets the case's promises run past its ceiling until a date (SPEC P5).</summary>
public sealed class ApproveCeiling(GuichetDb db, TimeProvider clock)
{
    public async Task<Result<Case>> RunAsync(long caseId, DateTimeOffset? until, string? reason, Agent manager, CancellationToken ct = default)
    {
        if (until is null)
        {
            return Failure.Invalid("until", "Give the date until which promises may run.");
        }
        var @case = await db.FindCaseAsync(caseId, ct);
        if (@case is null)
        {
            return CaseQueries.CaseNotFound(caseId);
        }
        if (@case.ApproveBeyondCeiling(until.Value.ToUniversalTime(), manager, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), clock.Now()) is { } failure)
        {
            return failure;
        }
        await db.SaveChangesAsync(ct);
        return @case;
    }
}
