using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Core.Cases.Bulk;

internal sealed class BulkJobConfiguration : IEntityTypeConfiguration<BulkJob>
{
    public void Configure(EntityTypeBuilder<BulkJob> b)
    {
        b.Property(j => j.Request).HasMaxLength(4000);
        b.Property(j => j.Scope).HasMaxLength(300);
        b.Property(j => j.ClaimedBy).HasMaxLength(100);
        b.HasIndex(j => j.FinishedAt);
    }
}

internal sealed class BulkJobItemConfiguration : IEntityTypeConfiguration<BulkJobItem>
{
    public void Configure(EntityTypeBuilder<BulkJobItem> b)
    {
        b.HasKey(i => new { i.JobId, i.Position });
        b.HasIndex(i => new { i.JobId, i.State, i.Position });
        b.Property(i => i.Refused).HasMaxLength(1000);
        b.HasOne<BulkJob>().WithMany().HasForeignKey(i => i.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}
