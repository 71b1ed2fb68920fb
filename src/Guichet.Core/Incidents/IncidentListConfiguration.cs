using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Core.Incidents;

public sealed class IncidentListConfiguration : IEntityTypeConfiguration<Incidents.IncidentList>
{
    public void Configure(EntityTypeBuilder<Incidents.IncidentList> builder)
    {
        builder.Property(l => l.Source).HasMaxLength(300);
        builder.Property(l => l.SentBy).HasMaxLength(200);
        builder.Property(l => l.Error).HasMaxLength(2000);
        builder.HasIndex(l => l.IncidentId);
    }
}
