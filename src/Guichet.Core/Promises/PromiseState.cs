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
}
