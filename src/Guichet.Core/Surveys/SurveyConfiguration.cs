using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Core.Surveys;

internal sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> builder)
    {
        builder.HasOne(s => s.Case).WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.Message).WithMany().HasForeignKey(s => s.MessageId).OnDelete(DeleteBehavior.SetNull);
        // One survey per case, ever (M1): the database refuses a second one.
        builder.HasIndex(s => s.CaseId).IsUnique();
        builder.Property(s => s.Token).HasMaxLength(32);
        builder.HasIndex(s => s.Token).IsUnique();
        builder.HasIndex(s => s.SendAt);
        builder.HasIndex(s => s.State);
        builder.Property(s => s.Comment).HasMaxLength(Survey.MaxCommentLength);
        builder.Property(s => s.CancelReason).HasMaxLength(200);
    }
}
