using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Core.Webhooks;

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> b)
    {
        b.Property(s => s.Url).HasMaxLength(2000);
        b.Property(s => s.Events).HasMaxLength(1000);
        b.Property(s => s.Secret).HasMaxLength(100);
        b.Property(s => s.PausedReason).HasMaxLength(500);
        b.Property(s => s.Format).HasMaxLength(16);
        b.HasOne<Teams.Team>().WithMany().HasForeignKey(s => s.TeamId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> b)
    {
        b.Property(d => d.EventType).HasMaxLength(64);
        b.Property(d => d.EventKey).HasMaxLength(32);
        b.Property(d => d.LastAnswer).HasMaxLength(2000);
        b.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        // A case deleted (retention, erasure) takes its pending news with it.
        b.HasOne<Cases.Case>().WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Cascade);
        // Once per endpoint, however often the fan-out reads the same rows again.
        b.HasIndex(d => new { d.SubscriptionId, d.EventKey }).IsUnique();
        b.HasIndex(d => new { d.State, d.NextAttemptAt });
    }
}

internal sealed class WebhookCursorConfiguration : IEntityTypeConfiguration<WebhookCursor>
{
    public void Configure(EntityTypeBuilder<WebhookCursor> b)
    {
        b.HasKey(c => c.Source);
        b.Property(c => c.Source).HasMaxLength(32);
    }
}
