using Guichet.Core.Agents;
using Guichet.Core.Data;

namespace Guichet.Core.Promises;

/// <summary>An agent marks a commitment done.</summary>
public sealed class KeepPromise(GuichetDb db, TimeProvider clock)
{
    public async Task<Result<Promise>> RunAsync(long promiseId, Agent actor, CancellationToken ct = default)
    {
        var promise = await db.FindPromiseAsync(promiseId, ct);
        if (promise is null)
        {
            return PromiseQueries.PromiseNotFound(promiseId);
        }
        if (promise.Keep(actor, clock.Now()) is { } failure)
        {
            return failure;
        }
        await db.SaveChangesAsync(ct);
        return promise;
    }
}
