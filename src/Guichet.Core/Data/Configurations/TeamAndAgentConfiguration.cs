using Guichet.Core.Agents;
using Guichet.Core.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Core.Data.Configurations;

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> b)
    {
        b.HasIndex(t => t.Slug).IsUnique();
        b.Property(t => t.MailAddress).HasMaxLength(320);
        b.HasIndex(t => t.MailAddress).IsUnique();
        b.Property(t => t.Slug).HasMaxLength(64);
        b.Property(t => t.Name).HasMaxLength(200);
        b.Property(t => t.TimeZone).HasMaxLength(64);
        b.Property(t => t.Hours).HasMaxLength(1000);
        b.Property(t => t.Holidays).HasMaxLength(8000);
        b.Ignore(t => t.Calendar);
    }
}

internal sealed class AgentConfiguration : IEntityTypeConfiguration<Agent>
{
    public void Configure(EntityTypeBuilder<Agent> b)
    {
        b.HasIndex(a => a.Email).IsUnique();
        b.Property(a => a.Email).HasMaxLength(320);
        b.Property(a => a.Name).HasMaxLength(200);
        b.Property(a => a.PasswordHash).HasMaxLength(200);
        b.Property(a => a.Languages).HasMaxLength(64);
        b.Property(a => a.UiLanguage).HasMaxLength(8);
        b.HasOne(a => a.Team).WithMany().HasForeignKey(a => a.TeamId).OnDelete(DeleteBehavior.Restrict);
    }
}
