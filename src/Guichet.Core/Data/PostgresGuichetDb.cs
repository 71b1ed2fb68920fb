using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Data;

/// <summary>For scale: many stateless app nodes on one PostgreSQL.</summary>
public sealed class PostgresGuichetDb(DbContextOptions<PostgresGuichetDb> options) : GuichetDb(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // Stored: PostgreSQL 15 computes no virtual columns. The far date is Case.DueOrderSentinel.
        modelBuilder.Entity<Cases.Case>().Property(c => c.DueOrder)
            .HasComputedColumnSql("COALESCE(\"NextDueAt\", \"CustomerWaitingSince\", TIMESTAMPTZ '9999-12-31 00:00:00+00')", stored: true);
        modelBuilder.Entity<Cases.Case>().Property(c => c.InInbox)
            .HasComputedColumnSql("CASE WHEN \"Status\" IN ('New', 'Open', 'WaitingOnCustomer') THEN 1 ELSE 0 END", stored: true);
    }
}
