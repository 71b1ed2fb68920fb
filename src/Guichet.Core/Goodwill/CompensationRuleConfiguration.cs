using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Core.Goodwill;

public sealed class CompensationRuleConfiguration : IEntityTypeConfiguration<CompensationRule>
{
    public void Configure(EntityTypeBuilder<CompensationRule> builder)
    {
        builder.Property(r => r.Tier).HasMaxLength(32);
        builder.Property(r => r.IncidentKind).HasMaxLength(64);
        builder.Property(r => r.Currency).HasMaxLength(3);
        builder.Ignore(r => r.Amount);
    }
}
