using Guichet.Core.Cases;
using Guichet.Core.Phone;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Core.Customers;

internal sealed class CustomerMergeConfiguration : IEntityTypeConfiguration<Customers.CustomerMerge>
{
    public void Configure(EntityTypeBuilder<Customers.CustomerMerge> b)
    {
        b.HasIndex(m => m.IntoId);
        b.HasIndex(m => m.FromId);
        b.HasOne<Customers.Customer>().WithMany().HasForeignKey(m => m.IntoId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Customers.Customer>().WithMany().HasForeignKey(m => m.FromId).OnDelete(DeleteBehavior.Restrict);
    }
}
