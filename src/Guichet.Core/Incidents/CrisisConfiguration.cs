using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Core.Incidents;

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
