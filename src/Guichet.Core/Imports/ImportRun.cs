using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Core.Imports;

public enum ImportState
{
    Queued,
    Running,
    Done,
    Failed,
}

/// <summary>An import asked through the API (W10): run in the background by one node, its progress and report readable meanwhile.</summary>
public sealed class ImportRun
{
    public long Id { get; private set; }
    public required string Source { get; init; }
    /// <summary>The export, inside the server's imports folder.</summary>
    public required string Path { get; init; }
    public bool DryRun { get; init; }
    public bool PromiseOpen { get; init; }
    public string? Team { get; init; }
    public ImportState State { get; set; }
    public long? ById { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    /// <summary>The running node's last word: a run silent for <see cref="Silence"/> was interrupted (its node stopped) and may be asked again, resuming.</summary>
    public DateTimeOffset? HeardAt { get; set; }
    /// <summary>0 to 1.</summary>
    public double Done { get; set; }
    /// <summary>The report as JSON (<see cref="ImportReport"/>), written as the run goes.</summary>
    public string? Report { get; set; }
    public string? Error { get; set; }

    public static readonly TimeSpan Silence = TimeSpan.FromMinutes(5);

    /// <summary>The state as the API and the page name it: queued, running, done, failed, or interrupted.</summary>
    public string StateName(DateTimeOffset now) => Interrupted(now) ? "interrupted" : Cases.WireNames.ToWire(State);

    public bool Interrupted(DateTimeOffset now) => State is ImportState.Queued or ImportState.Running && (HeardAt ?? CreatedAt) < now - Silence;
}

public sealed class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>
{
    public void Configure(EntityTypeBuilder<ImportRun> builder)
    {
        builder.Property(r => r.Source).HasMaxLength(32);
        builder.Property(r => r.State).HasConversion<int>();
        builder.HasIndex(r => r.State);
    }
}
