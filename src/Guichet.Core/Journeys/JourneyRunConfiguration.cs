using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Core.Journeys;

internal sealed class JourneyRunConfiguration : IEntityTypeConfiguration<JourneyRun>
{
    public void Configure(EntityTypeBuilder<JourneyRun> builder)
    {
        builder.HasOne(r => r.Journey).WithMany().HasForeignKey(r => r.JourneyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Case).WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(r => r.Failures).HasMaxLength(4000);
        builder.HasIndex(r => r.CheckAt);
        builder.HasIndex(r => new { r.JourneyId, r.StartedAt });
    }
}
