using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Core.Cases;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> b)
    {
        b.Property(c => c.Reference).HasMaxLength(32);
        b.HasIndex(c => c.Reference);
        b.Property(c => c.Subject).HasMaxLength(500);
        b.Property(c => c.Copied).HasMaxLength(CopiedPeople.MaxLength);
        // Stored as a number so that "most urgent first" is an ORDER BY.
        b.Property(c => c.Priority).HasConversion<int>();
        b.HasOne(c => c.Team).WithMany().HasForeignKey(c => c.TeamId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.Owner).WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.Customer).WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Messages).WithOne().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Events).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Promises).WithOne(p => p.Case).HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
        // The inbox: active cases by next due time.
        b.HasIndex(c => new { c.Status, c.NextDueAt });
        b.HasIndex(c => new { c.TeamId, c.Status });
        b.HasIndex(c => c.CustomerId);
        b.HasIndex(c => c.CeilingAlertAt);
        // The menu counts customers waiting (issue 24): few rows have it, the index finds them without the history.
        b.HasIndex(c => c.CustomerWaitingSince);
        b.HasIndex(c => new { c.UpdatedAt, c.Id });
        b.HasIndex(c => new { c.CreatedAt, c.Id });
        // The inbox's order (CaseList "due"); the column's formula is each database's (SqliteGuichetDb, PostgresGuichetDb).
        b.HasIndex(c => new { c.DueOrder, c.Priority, c.Id }).IsDescending(false, true, false);
        b.HasIndex(c => new { c.InInbox, c.DueOrder, c.Priority, c.Id }).IsDescending(false, false, true, false);
        // A team's and the unassigned active cases, in order and counted without walking the team's or
        // the unowned history (issue 29: at ten million cases, a team's view counted 2 million rows).
        b.HasIndex(c => new { c.TeamId, c.InInbox, c.DueOrder, c.Priority, c.Id }).IsDescending(false, false, false, true, false);
        b.HasIndex(c => new { c.InInbox, c.OwnerId, c.DueOrder, c.Priority, c.Id }).IsDescending(false, false, false, true, false);
        b.HasIndex(c => new { c.Status, c.DueOrder, c.Priority, c.Id }).IsDescending(false, false, true, false);
        // "My cases": the owner's, active first (theirs settled long ago sort last, at the far date).
        b.HasIndex(c => new { c.OwnerId, c.DueOrder, c.Priority, c.Id }).IsDescending(false, false, true, false);
        // Figures cover the cases customers opened in a period; surveys look for the newly resolved ones (M1–M4).
        b.HasIndex(c => new { c.Origin, c.CreatedAt });
        b.HasIndex(c => new { c.Origin, c.ResolvedAt });
        // The retention figures count requests and cancellations (K1): few cases, so only they are indexed.
        b.HasIndex(c => c.CancellationRequestedAt).HasFilter("\"CancellationRequestedAt\" IS NOT NULL");
        b.HasIndex(c => c.CancelledAt).HasFilter("\"CancelledAt\" IS NOT NULL");
    }
}
