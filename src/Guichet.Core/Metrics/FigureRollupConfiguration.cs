using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Core.Metrics;

internal sealed class FigureRollupConfiguration : IEntityTypeConfiguration<FigureRollup>, IEntityTypeConfiguration<FigureDirtyDay>
{
    public void Configure(EntityTypeBuilder<FigureRollup> b) => b.HasIndex(r => r.Day);

    // On SQLite the migration makes Day unique (one row a day, its version moving); not on PostgreSQL.
    public void Configure(EntityTypeBuilder<FigureDirtyDay> b) => b.HasIndex(d => d.Day);
}
