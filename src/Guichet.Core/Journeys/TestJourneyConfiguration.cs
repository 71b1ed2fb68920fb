using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Core.Journeys;

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
