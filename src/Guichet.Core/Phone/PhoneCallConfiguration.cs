using Guichet.Core.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Core.Phone;

internal sealed class PhoneCallConfiguration : IEntityTypeConfiguration<PhoneCall>
{
    public void Configure(EntityTypeBuilder<PhoneCall> b)
    {
        b.Property(c => c.CallId).HasMaxLength(200);
        b.HasIndex(c => c.CallId).IsUnique();
        b.Property(c => c.Caller).HasMaxLength(64);
        b.Property(c => c.Callee).HasMaxLength(64);
        b.HasOne<Case>().WithMany().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Message>().WithMany().HasForeignKey(c => c.MessageId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Agents.Agent>().WithMany().HasForeignKey(c => c.AgentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.CaseId, c.StartedAt });
        b.HasIndex(c => c.StartedAt);
        b.Ignore(c => c.Answered);
    }
}
