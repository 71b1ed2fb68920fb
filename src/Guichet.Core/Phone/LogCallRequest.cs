namespace Guichet.Core.Phone;

/// <summary>
/// A call to log, from an agent on a case or from a phone system's webhook. Without a case, the
/// caller's number finds the customer and their open case; failing both, the call opens a case.
/// </summary>
public sealed record LogCallRequest(
    long? CaseId,
    string? Caller,
    string? Callee,
    DateTimeOffset? Start,
    DateTimeOffset? End,
    string? Agent,
    string? Outcome,
    string? Notes,
    string? CallId = null,
    string? Subject = null,
    string? Team = null)
{
    public const int MaxNotesLength = 20_000;
}
