using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Core.Promises;

internal sealed class PromiseRenegotiationConfiguration : IEntityTypeConfiguration<PromiseRenegotiation>
{
    public void Configure(EntityTypeBuilder<PromiseRenegotiation> b)
    {
        b.HasOne(r => r.NoticeMessage).WithMany().HasForeignKey(r => r.NoticeMessageId).OnDelete(DeleteBehavior.SetNull);
    }
}
