using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Core.Cases.Tags;

internal sealed class CaseTagConfiguration : IEntityTypeConfiguration<CaseTag>
{
    public void Configure(EntityTypeBuilder<CaseTag> b)
    {
        b.HasKey(t => new { t.CaseId, t.Name });
        b.Property(t => t.Name).HasMaxLength(TagName.MaxLength);
        // A view or the search box asks "which cases carry this tag": the tag first.
        b.HasIndex(t => new { t.Name, t.CaseId });
        b.HasOne<Case>().WithMany(c => c.Tags).HasForeignKey(t => t.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
