using Guichet.Core.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Core.Files;

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> b)
    {
        b.Property(f => f.FileName).HasMaxLength(Email.FileNames.MaxLength);
        b.Property(f => f.ContentType).HasMaxLength(255);
        b.Property(f => f.Sha256).HasMaxLength(64);
        b.HasOne<Case>().WithMany().HasForeignKey(f => f.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(f => f.CaseId);
    }
}
