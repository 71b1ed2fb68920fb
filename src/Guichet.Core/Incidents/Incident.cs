namespace Guichet.Core.Incidents;

/// <summary>
/// Something that went wrong for many customers at once (SPEC G3): "flight LH1234 FRA→CDG delayed
/// 2 h 10". Its affected customers are reached before they complain, within <see cref="TargetHours"/>.
/// </summary>
public sealed class Incident
{
    public long Id { get; private set; }
    /// <summary>The incident kind the compensation policy reads (delay, cancellation, outage…); also the cases' category.</summary>
    public required string Kind { get; set; }
    public required string Title { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public int TargetHours { get; set; } = 24;
    public long TeamId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
}

/// <summary>One affected customer reached for one incident: once, whatever how many lists name them.</summary>
public sealed class IncidentRecipient
{
    public long Id { get; private set; }
    public long IncidentId { get; init; }
    public long CustomerId { get; init; }
    public long CaseId { get; init; }
    public DateTimeOffset At { get; init; }
    /// <summary>The customer had already written about it: the gesture went on their own case.</summary>
    public bool OnExistingCase { get; init; }
}
