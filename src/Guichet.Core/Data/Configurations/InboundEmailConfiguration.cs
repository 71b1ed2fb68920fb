using Guichet.Core.Cases;
using Guichet.Core.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Core.Data.Configurations;

internal sealed class InboundEmailConfiguration : IEntityTypeConfiguration<InboundEmail>
{
    public void Configure(EntityTypeBuilder<InboundEmail> b)
    {
        b.Property(e => e.MessageIdHeader).HasMaxLength(998);
        b.HasIndex(e => e.MessageIdHeader).IsUnique();
        b.Property(e => e.Sha256).HasMaxLength(64);
        b.HasIndex(e => e.Sha256).IsUnique();
        b.Property(e => e.From).HasMaxLength(998);
        b.Property(e => e.Subject).HasMaxLength(998);
        b.Property(e => e.Reason).HasMaxLength(2000);
        b.HasIndex(e => new { e.Outcome, e.ReceivedAt });
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> b)
    {
        b.Property(a => a.FileName).HasMaxLength(255);
        b.Property(a => a.ContentType).HasMaxLength(255);
        b.HasOne<Message>().WithMany(m => m.Attachments).HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<InboundEmail>().WithMany().HasForeignKey(a => a.InboundEmailId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => a.MessageId);
    }
}
