using Guichet.Core.Cases;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Promises;

/// <summary>
/// How many promises are in each state, kept by the database itself (issue 29): a trigger on
/// Promises writes +1 and −1 rows here for every insert, change of state and delete, whoever makes
/// it (EF Core, a bulk insert, a migration's SQL), so counting ten million promises reads a few
/// rows instead of the table. Writers only append, so they never wait on one another;
/// <see cref="FoldAsync"/> sums the rows into one per state from time to time.
/// </summary>
public sealed class PromiseTally
{
    public long Id { get; private set; }
    public PromiseState State { get; private set; }
    public bool SilentBreach { get; private set; }
    public long Delta { get; private set; }

    /// <summary>Promises by state and silent-breach flag, all time, every case's.</summary>
    public static async Task<Dictionary<(PromiseState State, bool Silent), long>> ReadAsync(GuichetDb db, CancellationToken ct) =>
        (await db.PromiseTallies.AsNoTracking().GroupBy(t => new { t.State, t.SilentBreach }).Select(g => new { g.Key.State, g.Key.SilentBreach, Count = g.Sum(t => t.Delta) }).ToListAsync(ct))
            .ToDictionary(x => (x.State, x.SilentBreach), x => x.Count);

    /// <summary>
    /// Sums the rows written so far into one per state and removes them, in one statement on
    /// PostgreSQL (rows another node commits meanwhile are either summed or left, never lost) and
    /// under SQLite's single writer; nothing is written when every state has one row already.
    /// Returns how many rows were summed.
    /// </summary>
    public static async Task<int> FoldAsync(GuichetDb db, CancellationToken ct)
    {
        var rows = await db.PromiseTallies.CountAsync(ct);
        var groups = await db.PromiseTallies.Select(t => new { t.State, t.SilentBreach }).Distinct().CountAsync(ct);
        if (rows <= groups)
        {
            return 0;
        }
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("""
                WITH gone AS (DELETE FROM "PromiseTallies" RETURNING "State", "SilentBreach", "Delta")
                INSERT INTO "PromiseTallies" ("State", "SilentBreach", "Delta")
                SELECT "State", "SilentBreach", SUM("Delta") FROM gone GROUP BY "State", "SilentBreach" HAVING SUM("Delta") <> 0
                """, ct);
            return rows;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var last = await db.PromiseTallies.MaxAsync(t => (long?)t.Id, ct) ?? 0;
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "PromiseTallies" ("State", "SilentBreach", "Delta")
            SELECT "State", "SilentBreach", SUM("Delta") FROM "PromiseTallies" WHERE "Id" <= {last} GROUP BY "State", "SilentBreach" HAVING SUM("Delta") <> 0
            """, ct);
        var summed = await db.Database.ExecuteSqlAsync($"""DELETE FROM "PromiseTallies" WHERE "Id" <= {last}""", ct);
        await tx.CommitAsync(ct);
        return summed;
    }
}
