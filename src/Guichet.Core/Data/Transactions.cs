using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Guichet.Core.Data;

public static class Transactions
{
    /// <summary>
    /// A transaction of the operation's own, or null when its caller already opened one: the
    /// operation then commits with the caller's work (a test journey's case and its mark, a merge
    /// and the customers it merges), all or nothing.
    /// </summary>
    public static async Task<IDbContextTransaction?> OwnTransactionAsync(this GuichetDb db, CancellationToken ct) =>
        db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;

    public static Task CommitIfOwnAsync(this IDbContextTransaction? own, CancellationToken ct) =>
        own?.CommitAsync(ct) ?? Task.CompletedTask;
}
