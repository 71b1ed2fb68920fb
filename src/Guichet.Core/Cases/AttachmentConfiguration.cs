using Guichet.Core.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Core.Cases;

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> b)
    {
        b.Property(a => a.FileName).HasMaxLength(255);
        b.Property(a => a.ContentType).HasMaxLength(255);
        b.HasOne<Message>().WithMany(m => m.Attachments).HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<InboundEmail>().WithMany().HasForeignKey(a => a.InboundEmailId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(a => a.File).WithMany().HasForeignKey(a => a.StoredFileId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => a.MessageId);
    }
}
