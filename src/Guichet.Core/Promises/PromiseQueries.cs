using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Promises;

public static class PromiseQueries
{
    public static Task<Promise?> FindPromiseAsync(this GuichetDb db, long id, CancellationToken ct) =>
        db.Promises
            .Include(p => p.Renegotiations)
            .Include(p => p.Owner)
            .Include(p => p.Case).ThenInclude(c => c.Team)
            .Include(p => p.Case).ThenInclude(c => c.Customer).ThenInclude(c => c.Identities)
            .Include(p => p.Case).ThenInclude(c => c.Promises)
            .Include(p => p.Case).ThenInclude(c => c.Owner)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == id, ct);

    public static Failure PromiseNotFound(long id) => Failure.NotFound("id", $"There is no promise {id}.");
}
