using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Guichet.Core.Data;

/// <summary>The embedded default: one file, zero setup.</summary>
public sealed class SqliteGuichetDb : GuichetDb
{
    public SqliteGuichetDb(DbContextOptions<SqliteGuichetDb> options) : base(options)
    {
        // A single-statement save in a transaction too: every write of a context then takes its
        // turn (WriteTurns) instead of meeting the intake's transaction as a busy database.
        Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite cannot compare or order DateTimeOffset text; UTC microseconds as an integer can,
        // and keep the "next due ≤ now" queries on an index.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcMicrosecondsConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcMicrosecondsConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // One mark a day whose version moves (FigureDirtyDay): the triggers' INSERT OR IGNORE relies on it.
        modelBuilder.Entity<Metrics.FigureDirtyDay>().HasIndex(d => d.Day).IsUnique();
        // Microseconds since 1970 as the converter writes them; 253402214400000000 is 9999-12-31 (Case.DueOrderSentinel).
        modelBuilder.Entity<Cases.Case>().Property(c => c.DueOrder)
            .HasComputedColumnSql("COALESCE(\"NextDueAt\", \"CustomerWaitingSince\", 253402214400000000)", stored: false);
        modelBuilder.Entity<Cases.Case>().Property(c => c.InInbox)
            .HasComputedColumnSql("CASE WHEN \"Status\" IN ('New', 'Open', 'WaitingOnCustomer') THEN 1 ELSE 0 END", stored: false);
    }

    private sealed class UtcMicrosecondsConverter() : ValueConverter<DateTimeOffset, long>(
        v => (v.UtcTicks - DateTimeOffset.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond,
        v => new DateTimeOffset(DateTimeOffset.UnixEpoch.Ticks + (v * TimeSpan.TicksPerMicrosecond), TimeSpan.Zero));
}
