using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Core.Incidents;

public sealed class IncidentRecipientConfiguration : IEntityTypeConfiguration<Incidents.IncidentRecipient>
{
    public void Configure(EntityTypeBuilder<Incidents.IncidentRecipient> builder)
    {
        // Reached once per incident, whatever how many lists name them, on every node.
        builder.HasIndex(r => new { r.IncidentId, r.CustomerId }).IsUnique();
    }
}
