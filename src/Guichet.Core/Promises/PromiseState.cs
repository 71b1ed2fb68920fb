namespace Guichet.Core.Promises;

/// <summary>SPEC P2. Open and renegotiated promises are still running; kept and broken are settled.</summary>
public enum PromiseState
{
    Open,
    Kept,
    Renegotiated,
    Broken,
}

public enum PromiseKind
{
    /// <summary>The P1 promise: a person answers by this time. Kept by a human reply, never by automation.</summary>
    FirstResponse,
    /// <summary>Anything an agent commits to: call back, ship, refund, decide.</summary>
    Commitment,
    /// <summary>A service level's target (W8): a person answers the customer's latest message by this time.</summary>
    NextReply,
    /// <summary>A service level's target (W8): the case is resolved by this time.</summary>
    Resolution,
}
