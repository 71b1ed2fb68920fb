namespace Guichet.Core.Cases.Bulk;

/// <summary>
/// POST /api/cases/bulk (SPEC W6): one action on many cases, named by id. Actions: <c>assign</c>
/// (ownerId), <c>transfer</c> (team, note), <c>tag</c> / <c>untag</c> (tags), <c>status</c>
/// (wait, reopen, close, resolve: a case with open promises is refused, they need a word each),
/// <c>priority</c> (priority, reason), <c>macro</c> (macroId: every step of the macro on each case).
/// Instead of ids, <c>view</c> (every case of a view the caller reads) or <c>filter</c> (the query
/// string of GET /api/cases) choose the cases; those, and more than a thousand ids, run as a
/// background <see cref="BulkJob"/>.
/// </summary>
public sealed record BulkRequest(
    IReadOnlyList<long>? Cases,
    string? Action,
    long? OwnerId = null,
    string? Team = null,
    string? Note = null,
    IReadOnlyList<string>? Tags = null,
    string? Status = null,
    string? Priority = null,
    string? Reason = null,
    long? MacroId = null,
    long? View = null,
    string? Filter = null);

/// <summary>What became of one case: done, or refused and why (the send guard, a rule, a right).</summary>
public sealed record BulkOutcome(long CaseId, string? Reference, bool Done, string? Refused);

public sealed record BulkResult(int Done, int Refused, IReadOnlyList<BulkOutcome> Cases);
