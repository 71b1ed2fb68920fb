using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Data;

/// <summary>
/// Each provider's migrations were squashed into one baseline before the first release (decision
/// 0026). A database built by the earlier chain, brought to its last migration, has exactly the
/// baseline's schema: its history is rewritten to say so, and nothing else changes. A database
/// stopped half-way along the old chain cannot be adopted and is refused with what to do.
/// </summary>
public static class SquashedHistory
{
    private const string SqliteBaseline = "20261206043609_Baseline";
    private const string PostgresBaseline = "20261206043620_Baseline";
    private const string SqliteLastOld = "20261123164616_TeamRetention";
    private const string PostgresLastOld = "20261123164644_TeamRetention";

    public static async Task AdoptAsync(GuichetDb db, CancellationToken ct)
    {
        var (baseline, lastOld) = db is PostgresGuichetDb ? (PostgresBaseline, PostgresLastOld) : (SqliteBaseline, SqliteLastOld);
        var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).ToList();
        if (applied.Count == 0 || applied.Contains(baseline))
        {
            return;
        }
        if (!applied.Contains(lastOld))
        {
            throw new InvalidOperationException(
                $"This database was made by a pre-release build of Guichet and stopped at migration {applied[^1]}. "
                + "Open it once with a build from before the squash (commit ccc98ea) to bring it up to date, or start a new database.");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"""DELETE FROM "__EFMigrationsHistory" """, ct);
        await db.Database.ExecuteSqlAsync($"""INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ({baseline}, {"10.0.15"})""", ct);
        await transaction.CommitAsync(ct);
    }
}
