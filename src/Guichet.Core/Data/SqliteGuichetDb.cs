using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Guichet.Core.Data;

/// <summary>The embedded default: one file, zero setup.</summary>
public sealed class SqliteGuichetDb(DbContextOptions<SqliteGuichetDb> options) : GuichetDb(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite cannot compare or order DateTimeOffset text; UTC microseconds as an integer can,
        // and keep the "next due ≤ now" queries on an index.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcMicrosecondsConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcMicrosecondsConverter>();
    }

    private sealed class UtcMicrosecondsConverter() : ValueConverter<DateTimeOffset, long>(
        v => (v.UtcTicks - DateTimeOffset.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond,
        v => new DateTimeOffset(DateTimeOffset.UnixEpoch.Ticks + (v * TimeSpan.TicksPerMicrosecond), TimeSpan.Zero));
}
