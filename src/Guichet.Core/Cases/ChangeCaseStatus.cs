using Guichet.Core.Agents;
using Guichet.Core.Data;

namespace Guichet.Core.Cases;

public enum StatusChange
{
    Resolve,
    Reopen,
    WaitForCustomer,
    Close,
}

/// <summary>Resolve, reopen, wait for the customer, close: the case refuses what its state does not allow.</summary>
public sealed class ChangeCaseStatus(GuichetDb db, TimeProvider clock)
{
    public async Task<Result<Case>> RunAsync(long caseId, StatusChange change, Agent actor, CancellationToken ct = default)
    {
        var @case = await db.FindCaseAsync(caseId, ct);
        if (@case is null)
        {
            return CaseQueries.CaseNotFound(caseId);
        }
        var now = clock.Now();
        var failure = change switch
        {
            StatusChange.Resolve => @case.Resolve(actor, now),
            StatusChange.Reopen => @case.Reopen(actor, now),
            StatusChange.WaitForCustomer => @case.WaitForCustomer(actor, now),
            StatusChange.Close => @case.Close(actor, now),
        };
        if (failure is not null)
        {
            return failure;
        }
        await db.SaveChangesAsync(ct);
        return @case;
    }
}
