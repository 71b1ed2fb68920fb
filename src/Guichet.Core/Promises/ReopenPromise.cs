using Guichet.Core.Agents;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Promises;

/// <summary>An agent undoes a "kept" given by mistake, within minutes (<see cref="Promise.ReopenWindow"/>).</summary>
public sealed class ReopenPromise(GuichetDb db, TimeProvider clock)
{
    public async Task<Result<Promise>> RunAsync(long promiseId, Agent actor, CancellationToken ct = default)
    {
        var promise = await db.FindPromiseAsync(promiseId, ct);
        if (promise is null)
        {
            return PromiseQueries.PromiseNotFound(promiseId);
        }
        var renegotiated = await db.PromiseRenegotiations.AnyAsync(r => r.PromiseId == promiseId, ct);
        if (promise.Reopen(actor, clock.Now(), renegotiated) is { } failure)
        {
            return failure;
        }
        await db.SaveChangesAsync(ct);
        return promise;
    }
}
