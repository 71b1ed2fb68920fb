using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Core.Goodwill;

public sealed class RetentionOfferConfiguration : IEntityTypeConfiguration<RetentionOffer>
{
    public void Configure(EntityTypeBuilder<RetentionOffer> builder)
    {
        builder.Property(o => o.Offer).HasMaxLength(1000);
        builder.HasOne<Cases.Case>().WithMany().HasForeignKey(o => o.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
