using Guichet.Core.Agents;
using Guichet.Core.Data;

namespace Guichet.Core.Cases;

/// <summary>
/// A case's priority set by hand, with the reason on the timeline (issue 24: only the rules ever
/// changed it); the service level's targets move with it (W8).
/// </summary>
public sealed class ChangeCasePriority(GuichetDb db, TimeProvider clock)
{
    public const int MaxReasonLength = 500;

    public async Task<Result<Case>> RunAsync(long caseId, string? priority, string? reason, Agent actor, CancellationToken ct = default)
    {
        if (!WireNames.TryParseWire<CasePriority>(priority, out var to))
        {
            return Failure.Invalid("priority", $"'{priority}' is not a priority; use low, normal, high or urgent.");
        }
        if (reason?.Length > MaxReasonLength)
        {
            return Failure.Invalid("reason", $"The reason is longer than {MaxReasonLength} characters.");
        }
        var @case = await db.FindCaseAsync(caseId, ct);
        if (@case is null)
        {
            return CaseQueries.CaseNotFound(caseId);
        }
        var now = clock.Now();
        if (@case.SetPriority(to, actor, reason, now) is { } refused)
        {
            return refused;
        }
        ServiceLevels.ServiceTargets.Retime(db, @case, now);
        await db.SaveChangesAsync(ct);
        return @case;
    }
}
