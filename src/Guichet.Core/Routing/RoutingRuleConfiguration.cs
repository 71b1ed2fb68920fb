using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Core.Routing;

public sealed class RoutingRuleConfiguration : IEntityTypeConfiguration<Routing.RoutingRule>
{
    public void Configure(EntityTypeBuilder<Routing.RoutingRule> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.Tier).HasMaxLength(32);
        builder.Property(r => r.Language).HasMaxLength(8);
        builder.Property(r => r.Terms).HasMaxLength(2000);
        builder.Property(r => r.TeamSlug).HasMaxLength(64);
        builder.Property(r => r.Category).HasMaxLength(64);
        builder.Property(r => r.ProfileTag).HasMaxLength(Cases.Tags.TagName.MaxLength);
        builder.Property(r => r.Organisation).HasMaxLength(200);
        builder.Property(r => r.Field).HasMaxLength(64 + 1 + Cases.Fields.SetCaseFields.MaxValueLength);
        builder.Property(r => r.Tags).HasMaxLength(SetRoutingRules.MaxTags * (Cases.Tags.TagName.MaxLength + 1));
        builder.HasIndex(r => r.Position);
    }
}
