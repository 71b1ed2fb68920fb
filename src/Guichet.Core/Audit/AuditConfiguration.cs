using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Core.Audit;

internal sealed class AuditConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.ActorName).HasMaxLength(200);
        builder.Property(e => e.Route).HasMaxLength(300);
        builder.Property(e => e.Target).HasMaxLength(64);
        builder.Property(e => e.Address).HasMaxLength(64);
        // No foreign keys: the trail outlives what it names (an erased customer, a deleted case).
        builder.HasIndex(e => e.CaseId);
        builder.HasIndex(e => e.CustomerId);
        builder.HasIndex(e => e.ActorId);
        builder.HasIndex(e => e.At);
    }
}
