namespace Guichet.Features.Simulation;

/// <summary>`guichet simulate strike`: how big the surge is and who answers it.</summary>
public sealed record StrikeOptions
{
    public int Customers { get; init; } = 2000;
    public int Agents { get; init; } = 5;
    public int Days { get; init; } = 30;
    public int Seed { get; init; } = 1;
    public string? ReportPath { get; init; }
    /// <summary>Cases one agent handles per business hour.</summary>
    public double CasesPerAgentHour { get; init; } = 6;
    /// <summary>The team's case ceiling (SPEC P5), in calendar days.</summary>
    public int CeilingDays { get; init; } = 30;
    /// <summary>Nobody answers and no manager approves anything: only the watcher acts (P5 at the ceiling).</summary>
    public bool Idle { get; init; }
    /// <summary>Monday 1 March 2027, 08:00 in Paris: a fixed start keeps runs identical for a seed.</summary>
    public DateTimeOffset Start { get; init; } = new(2027, 3, 1, 7, 0, 0, TimeSpan.Zero);
}
