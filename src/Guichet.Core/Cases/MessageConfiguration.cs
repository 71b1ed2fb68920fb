using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Core.Cases;

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> b)
    {
        b.Property(m => m.AuthorName).HasMaxLength(200);
        b.HasOne(m => m.Author).WithMany().HasForeignKey(m => m.AuthorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(m => m.Promise).WithMany().HasForeignKey(m => m.PromiseId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(m => new { m.CaseId, m.CreatedAt });
        // The cases an agent wrote on (K2, CaseVisibility).
        b.HasIndex(m => new { m.AuthorId, m.CaseId });
        b.Property(m => m.InternetMessageId).HasMaxLength(998);
        b.HasIndex(m => m.InternetMessageId);
        b.Property(m => m.Cc).HasMaxLength(CopiedPeople.MaxLength);
        b.Property(m => m.Bcc).HasMaxLength(CopiedPeople.MaxLength);
        b.Property(m => m.ThirdParty).HasMaxLength(320);
    }
}
