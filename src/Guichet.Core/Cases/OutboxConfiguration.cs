using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Core.Cases;

internal sealed class OutboxConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("Outbox");
        b.Property(o => o.Recipient).HasMaxLength(320);
        b.HasOne(o => o.Message).WithMany().HasForeignKey(o => o.MessageId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(o => new { o.State, o.CreatedAt });
        b.HasIndex(o => new { o.State, o.Channel, o.NextAttemptAt });
        b.Property(o => o.LastError).HasMaxLength(2000);
    }
}
