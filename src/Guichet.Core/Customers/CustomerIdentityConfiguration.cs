using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Core.Customers;

internal sealed class CustomerIdentityConfiguration : IEntityTypeConfiguration<CustomerIdentity>
{
    public void Configure(EntityTypeBuilder<CustomerIdentity> b)
    {
        b.Property(i => i.Value).HasMaxLength(320);
        b.HasIndex(i => new { i.Kind, i.Value }).IsUnique();
    }
}
