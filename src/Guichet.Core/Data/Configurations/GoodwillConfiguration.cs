using Guichet.Core.Goodwill;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Core.Data.Configurations;

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

public sealed class GoodwillEntryConfiguration : IEntityTypeConfiguration<GoodwillEntry>
{
    public void Configure(EntityTypeBuilder<GoodwillEntry> builder)
    {
        builder.Property(g => g.Currency).HasMaxLength(3);
        builder.Property(g => g.Reason).HasMaxLength(2000);
        builder.Property(g => g.PolicyRule).HasMaxLength(200);
        builder.Property(g => g.Month).HasMaxLength(7);
        builder.Property(g => g.DecidedBy).HasMaxLength(200);
        builder.Ignore(g => g.Amount);
        builder.HasOne<Cases.Case>().WithMany().HasForeignKey(g => g.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(g => new { g.AgentId, g.TeamId, g.Month });
        builder.HasIndex(g => g.Status);
    }
}

public sealed class RetentionOfferConfiguration : IEntityTypeConfiguration<RetentionOffer>
{
    public void Configure(EntityTypeBuilder<RetentionOffer> builder)
    {
        builder.Property(o => o.Offer).HasMaxLength(1000);
        builder.HasOne<Cases.Case>().WithMany().HasForeignKey(o => o.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
