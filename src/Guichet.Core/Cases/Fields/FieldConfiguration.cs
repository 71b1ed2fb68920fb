using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Core.Cases.Fields;

internal sealed class FieldDefinitionConfiguration : IEntityTypeConfiguration<FieldDefinition>
{
    public void Configure(EntityTypeBuilder<FieldDefinition> b)
    {
        b.Property(f => f.Key).HasMaxLength(64);
        b.HasIndex(f => f.Key).IsUnique();
        b.Property(f => f.Label).HasMaxLength(100);
        b.Property(f => f.Type).HasConversion<string>().HasMaxLength(16);
        b.Property(f => f.Options).HasMaxLength(4000);
    }
}

internal sealed class FieldValueConfiguration : IEntityTypeConfiguration<FieldValue>
{
    public void Configure(EntityTypeBuilder<FieldValue> b)
    {
        b.HasKey(v => new { v.CaseId, v.FieldId });
        b.Property(v => v.Value).HasMaxLength(SetCaseFields.MaxValueLength);
        // "Cases whose order number is…": the field and its value first.
        b.HasIndex(v => new { v.FieldId, v.Value });
        b.HasOne<FieldDefinition>().WithMany().HasForeignKey(v => v.FieldId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Case>().WithMany().HasForeignKey(v => v.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
