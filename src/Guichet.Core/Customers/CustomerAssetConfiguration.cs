using Guichet.Core.Cases;
using Guichet.Core.Phone;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Core.Customers;

internal sealed class CustomerAssetConfiguration : IEntityTypeConfiguration<Customers.CustomerAsset>
{
    public void Configure(EntityTypeBuilder<Customers.CustomerAsset> b)
    {
        b.Property(a => a.Kind).HasMaxLength(50);
        b.Property(a => a.Reference).HasMaxLength(200);
        b.Property(a => a.Label).HasMaxLength(300);
        b.Property(a => a.Details).HasMaxLength(Customers.CustomerAsset.MaxDetailsLength);
        b.HasIndex(a => new { a.CustomerId, a.Kind, a.Reference }).IsUnique();
        b.HasOne<Customers.Customer>().WithMany().HasForeignKey(a => a.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
