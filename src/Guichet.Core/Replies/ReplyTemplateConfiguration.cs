using Guichet.Core.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Core.Replies;

public sealed class ReplyTemplateConfiguration : IEntityTypeConfiguration<ReplyTemplate>
{
    public void Configure(EntityTypeBuilder<ReplyTemplate> builder)
    {
        builder.Property(t => t.Key).HasMaxLength(64);
        builder.Property(t => t.Language).HasMaxLength(8);
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Property(t => t.Body).HasMaxLength(ReplyTemplate.MaxBodyLength);
        builder.Property(t => t.UpdatedBy).HasMaxLength(200);
        builder.HasOne<Team>().WithMany().HasForeignKey(t => t.TeamId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.TeamId, t.Key, t.Language }).IsUnique();
    }
}
