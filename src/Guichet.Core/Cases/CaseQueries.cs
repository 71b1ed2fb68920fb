using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Cases;

public static class CaseQueries
{
    /// <summary>A case with everything an operation on it may touch, for change tracking.</summary>
    public static Task<Case?> FindCaseAsync(this GuichetDb db, long id, CancellationToken ct) =>
        db.Cases
            .Include(c => c.Team)
            .Include(c => c.Owner)
            .Include(c => c.Customer).ThenInclude(c => c.Identities)
            .Include(c => c.Promises).ThenInclude(p => p.Renegotiations)
            .Include(c => c.Promises).ThenInclude(p => p.Owner)
            .AsSplitQuery()
            .FirstOrDefaultAsync(c => c.Id == id, ct);

    public static Failure CaseNotFound(long id) => Failure.NotFound("id", $"There is no case {id}.");
}
