using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Core.Incidents;

public sealed class IncidentConfiguration : IEntityTypeConfiguration<Incidents.Incident>
{
    public void Configure(EntityTypeBuilder<Incidents.Incident> builder)
    {
        builder.Property(i => i.Kind).HasMaxLength(64);
        builder.Property(i => i.Title).HasMaxLength(300);
        builder.Property(i => i.CreatedBy).HasMaxLength(200);
    }
}
