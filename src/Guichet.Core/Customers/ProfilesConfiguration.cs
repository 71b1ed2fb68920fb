using Guichet.Core.Cases.Fields;
using Guichet.Core.Cases.Tags;
using Guichet.Core.Customers.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Core.Customers;

internal sealed class CustomerTagConfiguration : IEntityTypeConfiguration<CustomerTag>
{
    public void Configure(EntityTypeBuilder<CustomerTag> b)
    {
        b.HasKey(t => new { t.CustomerId, t.Name });
        b.Property(t => t.Name).HasMaxLength(TagName.MaxLength);
        b.HasIndex(t => new { t.Name, t.CustomerId });
        b.HasOne<Customer>().WithMany().HasForeignKey(t => t.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OrganisationTagConfiguration : IEntityTypeConfiguration<OrganisationTag>
{
    public void Configure(EntityTypeBuilder<OrganisationTag> b)
    {
        b.HasKey(t => new { t.OrganisationId, t.Name });
        b.Property(t => t.Name).HasMaxLength(TagName.MaxLength);
        b.HasIndex(t => new { t.Name, t.OrganisationId });
        b.HasOne<Organisation>().WithMany().HasForeignKey(t => t.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CustomerFieldValueConfiguration : IEntityTypeConfiguration<CustomerFieldValue>
{
    public void Configure(EntityTypeBuilder<CustomerFieldValue> b)
    {
        b.HasKey(v => new { v.CustomerId, v.FieldId });
        b.Property(v => v.Value).HasMaxLength(SetCaseFields.MaxValueLength);
        b.HasIndex(v => new { v.FieldId, v.Value });
        b.HasOne<FieldDefinition>().WithMany().HasForeignKey(v => v.FieldId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Customer>().WithMany().HasForeignKey(v => v.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OrganisationFieldValueConfiguration : IEntityTypeConfiguration<OrganisationFieldValue>
{
    public void Configure(EntityTypeBuilder<OrganisationFieldValue> b)
    {
        b.HasKey(v => new { v.OrganisationId, v.FieldId });
        b.Property(v => v.Value).HasMaxLength(SetCaseFields.MaxValueLength);
        b.HasIndex(v => new { v.FieldId, v.Value });
        b.HasOne<FieldDefinition>().WithMany().HasForeignKey(v => v.FieldId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(v => v.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
