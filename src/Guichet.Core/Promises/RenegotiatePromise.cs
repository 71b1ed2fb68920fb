using Guichet.Core.Agents;
using Guichet.Core.Data;

namespace Guichet.Core.Promises;

/// <summary>
/// An agent moves a promise's due time before it lapses; the customer gets a delay notice with
/// the new date (SPEC P3, P4). Past the case ceiling only a manager may do it, and doing it
/// records their approval on the case (P5).
/// </summary>
public sealed class RenegotiatePromise(GuichetDb db, TimeProvider clock)
{
    public async Task<Result<Promise>> RunAsync(long promiseId, DateTimeOffset? newDueAt, Agent actor, CancellationToken ct = default)
    {
        if (newDueAt is null)
        {
            return Failure.Invalid("newDueAt", "Give the new due date and time.");
        }
        var promise = await db.FindPromiseAsync(promiseId, ct);
        if (promise is null)
        {
            return PromiseQueries.PromiseNotFound(promiseId);
        }
        var now = clock.Now();
        var newDue = newDueAt.Value.ToUniversalTime();
        var @case = promise.Case;
        if (newDue > @case.RenegotiationLimit)
        {
            if (actor.Role is not (AgentRole.Manager or AgentRole.Admin))
            {
                return new Failure(FailureKind.Refused, new Dictionary<string, string[]>
                {
                    ["newDueAt"] = [$"This date is past the case ceiling ({@case.RenegotiationLimit:O}); a manager's approval is needed."],
                }, "Past the case ceiling");
            }
            if (@case.ApproveBeyondCeiling(newDue, actor, "approved by renegotiating", now) is { } refused)
            {
                return refused;
            }
        }
        if (DelayNotices.Renegotiate(db, promise, newDue, actor, now) is { } failure)
        {
            return failure;
        }
        await db.SaveChangesAsync(ct);
        return promise;
    }
}
