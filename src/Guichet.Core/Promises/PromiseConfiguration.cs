using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Core.Promises;

internal sealed class PromiseConfiguration : IEntityTypeConfiguration<Promise>
{
    public void Configure(EntityTypeBuilder<Promise> b)
    {
        b.Property(p => p.What).HasMaxLength(1000);
        b.HasOne(p => p.Owner).WithMany().HasForeignKey(p => p.OwnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Renegotiations).WithOne().HasForeignKey(r => r.PromiseId).OnDelete(DeleteBehavior.Cascade);
        // Promises due soon, by state: what the watcher and the metrics read.
        b.HasIndex(p => new { p.State, p.DueAt });
        // The cases an agent holds a promise of (K2, CaseVisibility).
        b.HasIndex(p => new { p.OwnerId, p.CaseId });
        // The watcher's only query: what needs acting on by now, oldest first.
        b.HasIndex(p => p.NextActionAt);
        // The survey pass reads the promises settled since its last run (M1, SurveyScan).
        b.HasIndex(p => p.SettledAt);
        // A service level's report reads its targets by policy and time (W8). No foreign key: on SQLite
        // one would rebuild the whole table; a removed policy's id is simply no longer found.
        b.HasIndex(p => new { p.PolicyId, p.CreatedAt });
    }
}
