namespace Guichet.Core.Audit;

public enum AuditAction
{
    Viewed,
    Changed,
    Merged,
    Exported,
    Deleted,
    SignedIn,
    SignInRefused,
}

/// <summary>
/// One line of the audit trail (issue 10): who saw, changed, merged, exported or deleted what,
/// when, from where, and what Guichet answered. Append-only: the database refuses to update or
/// delete a row (triggers in the migration), and no code path offers to. Holds ids and staff
/// names, never message text or a customer's details, so erasing a customer leaves it true.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; private set; }
    public DateTimeOffset At { get; init; }
    public long? ActorId { get; init; }
    public string ActorName { get; init; } = "";
    public AuditAction Action { get; init; }
    /// <summary>The method and route pattern, e.g. "POST /api/cases/{id:long}/merge".</summary>
    public required string Route { get; init; }
    public long? CaseId { get; init; }
    public long? CustomerId { get; init; }
    /// <summary>Another record the route named (a promise, an attachment, a customer, a token), as "kind:id".</summary>
    public string? Target { get; init; }
    public int Status { get; init; }
    public string? Address { get; init; }
}
