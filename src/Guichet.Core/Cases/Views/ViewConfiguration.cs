using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Core.Cases.Views;

internal sealed class ViewConfiguration : IEntityTypeConfiguration<View>
{
    public void Configure(EntityTypeBuilder<View> b)
    {
        b.Property(v => v.Name).HasMaxLength(SaveView.MaxNameLength);
        b.Property(v => v.Status).HasMaxLength(32);
        b.Property(v => v.Team).HasMaxLength(64);
        b.Property(v => v.Owner).HasMaxLength(32);
        b.Property(v => v.Tag).HasMaxLength(Tags.TagName.MaxLength);
        b.Property(v => v.Priority).HasConversion<string>().HasMaxLength(16);
        b.Property(v => v.Channel).HasConversion<string>().HasMaxLength(16);
        b.Property(v => v.Sort).HasMaxLength(16);
        b.HasOne<Agents.Agent>().WithMany().HasForeignKey(v => v.OwnerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Teams.Team>().WithMany().HasForeignKey(v => v.TeamId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Customers.Organisations.Organisation>().WithMany().HasForeignKey(v => v.OrganisationId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(v => v.OwnerId);
        b.HasIndex(v => v.TeamId);
    }
}
