using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Core.Goodwill;

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
        // The month first: an agent's budget reads one agent's month, the goodwill page every agent's (issue 29).
        builder.HasIndex(g => new { g.Month, g.AgentId, g.TeamId });
        builder.HasIndex(g => g.Status);
    }
}
