using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Core.Knowledge;

/// <summary>
/// Articles. Their full-text index is not in the model: each provider's migration builds its own
/// (SQLite FTS5 tables kept by triggers, PostgreSQL generated tsvector columns with GIN indexes), and
/// <see cref="Knowledge.Search"/> queries it with that provider's SQL.
/// </summary>
public sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(Article.MaxTitleLength);
        builder.Property(a => a.Body).HasMaxLength(Article.MaxBodyLength);
        builder.Property(a => a.Language).HasMaxLength(8);
        builder.Property(a => a.Tags).HasMaxLength(1000);
        builder.Property(a => a.UpdatedBy).HasMaxLength(200);
        builder.Ignore(a => a.TagList);
        builder.HasIndex(a => new { a.Status, a.Language });
    }
}
