using Guichet.Core.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Core.Data.Configurations;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> b)
    {
        b.Property(c => c.Name).HasMaxLength(200);
        b.Property(c => c.Salutation).HasMaxLength(50);
        b.Property(c => c.Language).HasMaxLength(8);
        b.Property(c => c.TimeZone).HasMaxLength(64);
        b.HasMany(c => c.Identities).WithOne().HasForeignKey(i => i.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CustomerIdentityConfiguration : IEntityTypeConfiguration<CustomerIdentity>
{
    public void Configure(EntityTypeBuilder<CustomerIdentity> b)
    {
        b.Property(i => i.Value).HasMaxLength(320);
        b.HasIndex(i => new { i.Kind, i.Value }).IsUnique();
    }
}
