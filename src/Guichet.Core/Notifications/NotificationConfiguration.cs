using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Core.Notifications;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.Property(n => n.Text).HasMaxLength(1000);
        b.HasOne(n => n.Agent).WithMany().HasForeignKey(n => n.AgentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Cases.Case>().WithMany().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(n => new { n.AgentId, n.ReadAt, n.CreatedAt });
    }
}
