using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Core.Data.Configurations;

public sealed class CrisisConfiguration : IEntityTypeConfiguration<Incidents.Crisis>
{
    public void Configure(EntityTypeBuilder<Incidents.Crisis> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Kind).HasMaxLength(64);
        builder.Property(c => c.Regions).HasMaxLength(4000);
        builder.Property(c => c.Fees).HasMaxLength(4000);
        builder.Property(c => c.Acknowledgment).HasMaxLength(Replies.ReplyTemplate.MaxBodyLength);
        builder.Property(c => c.Reply).HasMaxLength(Replies.ReplyTemplate.MaxBodyLength);
        builder.Property(c => c.DeclaredBy).HasMaxLength(200);
        builder.Property(c => c.EndedBy).HasMaxLength(200);
        builder.Ignore(c => c.FeeList);
    }
}

public sealed class IncidentConfiguration : IEntityTypeConfiguration<Incidents.Incident>
{
    public void Configure(EntityTypeBuilder<Incidents.Incident> builder)
    {
        builder.Property(i => i.Kind).HasMaxLength(64);
        builder.Property(i => i.Title).HasMaxLength(300);
        builder.Property(i => i.CreatedBy).HasMaxLength(200);
    }
}

public sealed class IncidentRecipientConfiguration : IEntityTypeConfiguration<Incidents.IncidentRecipient>
{
    public void Configure(EntityTypeBuilder<Incidents.IncidentRecipient> builder)
    {
        // Reached once per incident, whatever how many lists name them, on every node.
        builder.HasIndex(r => new { r.IncidentId, r.CustomerId }).IsUnique();
    }
}

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
