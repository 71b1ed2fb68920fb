using Guichet.Core.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Core.Email;

internal sealed class InboundEmailConfiguration : IEntityTypeConfiguration<InboundEmail>
{
    public void Configure(EntityTypeBuilder<InboundEmail> b)
    {
        b.Property(e => e.MessageIdHeader).HasMaxLength(998);
        // Not unique: mailers and scripts reuse ids, and a different message is never dropped for it.
        // Only mail stored before the key existed is looked up by its id (decision 0030): indexing
        // just those rows spares every new message an index write.
        b.HasIndex(e => e.MessageIdHeader).HasFilter("\"DedupKey\" IS NULL AND \"MessageIdHeader\" IS NOT NULL");
        b.Property(e => e.DedupKey).HasMaxLength(64);
        b.HasIndex(e => e.DedupKey).IsUnique();
        b.Property(e => e.Sha256).HasMaxLength(64);
        b.HasIndex(e => e.Sha256).IsUnique();
        // The mail a message came in: its HTML and its files are read from there (issue 26).
        b.HasIndex(e => e.MessageId);
        b.Property(e => e.From).HasMaxLength(998);
        b.Property(e => e.Subject).HasMaxLength(998);
        b.Property(e => e.Reason).HasMaxLength(2000);
        b.HasIndex(e => new { e.Outcome, e.ReceivedAt });
    }
}
