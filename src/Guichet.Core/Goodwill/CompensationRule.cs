namespace Guichet.Core.Goodwill;

/// <summary>
/// One cell of the compensation policy (SPEC G1): customer tier × incident kind × recurrence →
/// gesture. "*" matches any tier or kind; a rule applies from its recurrence on (the customer's
/// incidents of that kind in the last twelve months, this one included).
/// </summary>
public sealed class CompensationRule
{
    public long Id { get; private set; }
    public string Tier { get; set; } = Any;
    public string IncidentKind { get; set; } = Any;
    public int FromRecurrence { get; set; } = 1;
    public GestureKind Gesture { get; set; }
    /// <summary>A fixed amount in minor units (credit, refund, call reimbursement), or points.</summary>
    public long? AmountMinor { get; set; }
    /// <summary>A share of what the customer paid (refund share).</summary>
    public int? SharePercent { get; set; }
    public string Currency { get; set; } = "EUR";

    public const string Any = "*";

    public Money? Amount => AmountMinor is { } minor ? new Money(minor, Currency) : null;

    public string Describe() => Gesture switch
    {
        GestureKind.RefundShare => $"{Gesture} {SharePercent} %",
        GestureKind.Points => $"{Gesture} {AmountMinor}",
        _ when Amount is { } money => $"{Gesture} {money}",
        _ => Gesture.ToString(),
    };
}
