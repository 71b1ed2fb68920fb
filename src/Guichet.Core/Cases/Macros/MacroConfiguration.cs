using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Core.Cases.Macros;

internal sealed class MacroConfiguration : IEntityTypeConfiguration<Macro>
{
    public void Configure(EntityTypeBuilder<Macro> b)
    {
        b.Property(m => m.Name).HasMaxLength(100);
        b.Property(m => m.Note).HasMaxLength(AddNote.MaxLength);
        b.Property(m => m.AddTags).HasMaxLength(1000);
        b.Property(m => m.RemoveTags).HasMaxLength(1000);
        b.Property(m => m.Priority).HasConversion<string>().HasMaxLength(16);
        b.Property(m => m.AssignTo).HasMaxLength(32);
        b.Property(m => m.PromiseWhat).HasMaxLength(Promises.MakePromiseRequest.MaxWhatLength);
        b.Property(m => m.ReplyTemplate).HasMaxLength(100);
        b.Property(m => m.Status).HasMaxLength(16);
        b.HasOne<Agents.Agent>().WithMany().HasForeignKey(m => m.OwnerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Teams.Team>().WithMany().HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Cascade);
    }
}
