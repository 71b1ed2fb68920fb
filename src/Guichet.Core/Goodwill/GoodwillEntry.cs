namespace Guichet.Core.Goodwill;

public enum GoodwillStatus
{
    Granted,
    AwaitingApproval,
    Approved,
    Refused,
}

/// <summary>
/// A gesture on a case (SPEC G2): who gave what, how much, why, under which policy rule; granted
/// at once inside the agent's monthly budget, otherwise waiting for a manager.
/// </summary>
public sealed class GoodwillEntry
{
    public long Id { get; private set; }
    public long CaseId { get; init; }
    public long AgentId { get; init; }
    public long TeamId { get; init; }
    public GestureKind Gesture { get; init; }
    public long AmountMinor { get; init; }
    public string Currency { get; init; } = "EUR";
    public required string Reason { get; init; }
    public string? PolicyRule { get; init; }
    public GoodwillStatus Status { get; set; }
    public DateTimeOffset At { get; init; }
    /// <summary>The calendar month it counts against, in the team's zone ("2026-11").</summary>
    public required string Month { get; init; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }

    public Money Amount => new(AmountMinor, Currency);

    /// <summary>What counts against a budget (in SQL): money granted, approved, or waiting for approval; not apologies or points.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<GoodwillEntry, bool>> Spends =
        g => g.Status != GoodwillStatus.Refused && g.Gesture != GestureKind.Apology && g.Gesture != GestureKind.Points;
}
