using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Core.Cases;

internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> b)
    {
        b.Property(e => e.ActorName).HasMaxLength(200);
        b.Property(e => e.From).HasMaxLength(200);
        b.Property(e => e.To).HasMaxLength(200);
        b.HasIndex(e => new { e.CaseId, e.At });
        // Figures look for rare kinds (redirects, M2) across many cases.
        b.HasIndex(e => new { e.Kind, e.CaseId });
        // The cases an agent worked on (K2, CaseVisibility).
        b.HasIndex(e => new { e.ActorId, e.CaseId });
    }
}
