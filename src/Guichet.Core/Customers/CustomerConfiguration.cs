using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Core.Customers;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> b)
    {
        b.Property(c => c.Name).HasMaxLength(200);
        b.Property(c => c.Salutation).HasMaxLength(50);
        b.Property(c => c.Language).HasMaxLength(8);
        b.Property(c => c.TimeZone).HasMaxLength(64);
        b.Property(c => c.UpdatedAt).UsePropertyAccessMode(PropertyAccessMode.Property);
        b.HasIndex(c => new { c.UpdatedAt, c.Id });
        b.HasMany(c => c.Identities).WithOne().HasForeignKey(i => i.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
