using Guichet.Core.Agents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Core.Teams;

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> b)
    {
        b.HasIndex(t => t.Slug).IsUnique();
        b.Property(t => t.MailAddress).HasMaxLength(320);
        b.Property(t => t.Signature).HasMaxLength(ChangeTeam.MaxSignatureLength);
        b.HasIndex(t => t.MailAddress).IsUnique();
        b.Property(t => t.Slug).HasMaxLength(64);
        b.Property(t => t.Name).HasMaxLength(200);
        b.Property(t => t.TimeZone).HasMaxLength(64);
        b.Property(t => t.Hours).HasMaxLength(1000);
        b.Property(t => t.Holidays).HasMaxLength(8000);
        b.Ignore(t => t.Calendar);
    }
}
