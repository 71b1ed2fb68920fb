using Guichet.Core.Cases;
using Guichet.Core.Phone;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Core.Social;

internal sealed class SocialPostConfiguration : IEntityTypeConfiguration<Social.SocialPost>
{
    public void Configure(EntityTypeBuilder<Social.SocialPost> b)
    {
        b.Property(p => p.Platform).HasMaxLength(32);
        b.Property(p => p.EventId).HasMaxLength(200);
        b.HasIndex(p => new { p.Platform, p.EventId }).IsUnique();
        b.Property(p => p.PostId).HasMaxLength(200);
        b.Property(p => p.AuthorHandle).HasMaxLength(140);
        b.Property(p => p.AuthorName).HasMaxLength(200);
        b.Property(p => p.Url).HasMaxLength(2000);
        b.Property(p => p.Rule).HasMaxLength(500);
        b.Property(p => p.HiddenBecause).HasMaxLength(200);
        b.HasOne<Case>().WithMany().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(p => new { p.Class, p.ReceivedAt });
    }
}
