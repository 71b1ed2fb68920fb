using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Core.Imports;

/// <summary>
/// A record brought from another tool: its id there → its id here (W10). What makes an import
/// idempotent (run twice, nothing twice), resumable (an interrupted run finds what it wrote) and
/// able to update: <see cref="Version"/> is the source's last change, <see cref="Children"/> the
/// ids of a ticket's comments already brought.
/// </summary>
public sealed class ImportedKey
{
    public long Id { get; private set; }
    public required string Source { get; init; }
    /// <summary>team, field, organisation, agent, customer, case, rating, article.</summary>
    public required string Kind { get; init; }
    public required string ExternalId { get; init; }
    public long LocalId { get; set; }
    public string? Version { get; set; }
    public string? Children { get; set; }

    public const int MaxIdLength = 200;

    /// <summary>An id as it is kept: a longer one (a CSV's person named by a long address) by its hash, so every id fits.</summary>
    public static string Normalise(string externalId) => externalId.Length <= MaxIdLength ? externalId
        : "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(externalId)));
}

public sealed class ImportedKeyConfiguration : IEntityTypeConfiguration<ImportedKey>
{
    public void Configure(EntityTypeBuilder<ImportedKey> builder)
    {
        builder.Property(k => k.Source).HasMaxLength(32);
        builder.Property(k => k.Kind).HasMaxLength(32);
        builder.Property(k => k.ExternalId).HasMaxLength(ImportedKey.MaxIdLength);
        builder.HasIndex(k => new { k.Source, k.Kind, k.ExternalId }).IsUnique();
        builder.HasIndex(k => new { k.Kind, k.LocalId });
    }
}
