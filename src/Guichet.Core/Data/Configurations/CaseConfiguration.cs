using Guichet.Core.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Core.Data.Configurations;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> b)
    {
        b.Property(c => c.Reference).HasMaxLength(32);
        b.HasIndex(c => c.Reference);
        b.Property(c => c.Subject).HasMaxLength(500);
        // Stored as a number so that "most urgent first" is an ORDER BY.
        b.Property(c => c.Priority).HasConversion<int>();
        b.HasOne(c => c.Team).WithMany().HasForeignKey(c => c.TeamId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.Owner).WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.Customer).WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Messages).WithOne().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Events).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Promises).WithOne(p => p.Case).HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
        // The inbox: active cases by next due time.
        b.HasIndex(c => new { c.Status, c.NextDueAt });
        b.HasIndex(c => new { c.TeamId, c.Status });
        b.HasIndex(c => c.CustomerId);
        b.HasIndex(c => c.CeilingAlertAt);
        // Figures cover the cases customers opened in a period; surveys look for the newly resolved ones (M1–M4).
        b.HasIndex(c => new { c.Origin, c.CreatedAt });
        b.HasIndex(c => new { c.Origin, c.ResolvedAt });
    }
}

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> b)
    {
        b.Property(m => m.AuthorName).HasMaxLength(200);
        b.HasOne(m => m.Author).WithMany().HasForeignKey(m => m.AuthorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(m => m.Promise).WithMany().HasForeignKey(m => m.PromiseId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(m => new { m.CaseId, m.CreatedAt });
        b.Property(m => m.InternetMessageId).HasMaxLength(998);
        b.HasIndex(m => m.InternetMessageId);
    }
}

internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> b)
    {
        b.Property(e => e.ActorName).HasMaxLength(200);
        b.Property(e => e.From).HasMaxLength(200);
        b.Property(e => e.To).HasMaxLength(200);
        b.HasIndex(e => new { e.CaseId, e.At });
        // Figures look for rare kinds (redirects, M2) across many cases.
        b.HasIndex(e => new { e.Kind, e.CaseId });
    }
}

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
