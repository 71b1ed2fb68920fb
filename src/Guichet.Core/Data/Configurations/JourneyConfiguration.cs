using Guichet.Core.Journeys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Core.Data.Configurations;

internal sealed class TestJourneyConfiguration : IEntityTypeConfiguration<TestJourney>
{
    public void Configure(EntityTypeBuilder<TestJourney> builder)
    {
        builder.Property(j => j.Name).HasMaxLength(200);
        builder.Property(j => j.Subject).HasMaxLength(500);
        builder.Property(j => j.Body).HasMaxLength(4000);
        builder.Property(j => j.Language).HasMaxLength(8);
        builder.HasOne(j => j.Team).WithMany().HasForeignKey(j => j.TeamId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(j => j.NextRunAt);
    }
}

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
