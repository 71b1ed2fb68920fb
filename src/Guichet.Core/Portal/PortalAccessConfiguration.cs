using Guichet.Core.Cases;
using Guichet.Core.Phone;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Core.Portal;

internal sealed class PortalAccessConfiguration : IEntityTypeConfiguration<Portal.PortalAccess>
{
    public void Configure(EntityTypeBuilder<Portal.PortalAccess> b)
    {
        b.Property(a => a.TokenHash).HasMaxLength(64);
        b.HasIndex(a => a.TokenHash).IsUnique();
        b.HasOne<Case>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
