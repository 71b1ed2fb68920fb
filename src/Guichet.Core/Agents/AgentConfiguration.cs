using Guichet.Core.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Core.Agents;

internal sealed class AgentConfiguration : IEntityTypeConfiguration<Agent>
{
    public void Configure(EntityTypeBuilder<Agent> b)
    {
        b.Property(a => a.SecurityStamp).HasMaxLength(64);
        b.HasIndex(a => a.Email).IsUnique();
        b.Property(a => a.Email).HasMaxLength(320);
        b.Property(a => a.Name).HasMaxLength(200);
        b.Property(a => a.PasswordHash).HasMaxLength(200);
        b.Property(a => a.Languages).HasMaxLength(64);
        b.Property(a => a.UiLanguage).HasMaxLength(8);
        b.HasOne(a => a.Team).WithMany().HasForeignKey(a => a.TeamId).OnDelete(DeleteBehavior.Restrict);
    }
}
