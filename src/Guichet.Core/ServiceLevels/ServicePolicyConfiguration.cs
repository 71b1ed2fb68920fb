using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Core.ServiceLevels;

internal sealed class ServicePolicyConfiguration : IEntityTypeConfiguration<ServicePolicy>
{
    public void Configure(EntityTypeBuilder<ServicePolicy> b)
    {
        b.Property(p => p.Name).HasMaxLength(100);
        b.Property(p => p.Tier).HasMaxLength(50);
        b.Property(p => p.Priority).HasMaxLength(16);
        b.HasOne<Teams.Team>().WithMany().HasForeignKey(p => p.TeamId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Customers.Organisations.Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
