using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Core.Metrics;

internal sealed class FigureRollupConfiguration : IEntityTypeConfiguration<FigureRollup>, IEntityTypeConfiguration<FigureDirtyDay>
{
    public void Configure(EntityTypeBuilder<FigureRollup> b) => b.HasIndex(r => r.Day);

    // Unique on SQLite (SqliteGuichetDb): one row a day, its version moving. Not on PostgreSQL: a row per writing statement.
    public void Configure(EntityTypeBuilder<FigureDirtyDay> b) => b.HasIndex(d => d.Day);
}
