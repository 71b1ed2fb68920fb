using Guichet.Core.Agents;
using Guichet.Core.Cases;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Promises;

/// <summary>Records an agent's commitment on a case (SPEC P2, P8), owned by a named person.</summary>
public sealed class MakePromise(GuichetDb db, TimeProvider clock)
{
    // Past this, a due time is a typo, not a promise: the case ceiling (P5) is 30 days by default.
    private const double MaxBusinessHours = 24 * 366;

    public async Task<Result<Promise>> RunAsync(long caseId, MakePromiseRequest request, Agent actor, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var now = clock.Now();
        if (string.IsNullOrWhiteSpace(request.What))
        {
            errors.Add("what", "Say what is promised (for example \"call back about the refund\").");
        }
        else if (request.What.Length > MakePromiseRequest.MaxWhatLength)
        {
            errors.Add("what", $"The promise is longer than {MakePromiseRequest.MaxWhatLength} characters.");
        }
        if (request.DueAt is null == request.DueInBusinessHours is null)
        {
            errors.Add("dueAt", "Give exactly one of dueAt (a date and time) and dueInBusinessHours.");
        }
        else if (request.DueAt is { } dueAt && dueAt <= now)
        {
            errors.Add("dueAt", "The due time must be in the future.");
        }
        else if (request.DueInBusinessHours is { } hours && (hours <= 0 || hours > MaxBusinessHours || double.IsNaN(hours)))
        {
            errors.Add("dueInBusinessHours", $"Give a number of business hours between 0 and {MaxBusinessHours}.");
        }
        var owner = await FindOwnerAsync(request.Owner, errors, ct);
        if (errors.Any)
        {
            return errors;
        }

        var @case = await db.FindCaseAsync(caseId, ct);
        if (@case is null)
        {
            return CaseQueries.CaseNotFound(caseId);
        }
        var due = request.DueAt?.ToUniversalTime()
            ?? @case.Team.Calendar.AddBusinessHours(now.ToInstant(), request.DueInBusinessHours!.Value).ToUtc();
        var promise = Promise.Make(@case, PromiseKind.Commitment, request.What!.Trim(), due, owner ?? @case.Owner ?? actor, request.ToConfirm, now);
        await db.SaveChangesAsync(ct);
        return promise;
    }

    private async Task<Agent?> FindOwnerAsync(string? owner, ValidationErrors errors, CancellationToken ct)
    {
        if (owner is null)
        {
            return null;
        }
        var email = owner.Trim().ToLowerInvariant();
        var found = long.TryParse(owner, out var id)
            ? await db.Agents.FirstOrDefaultAsync(a => a.Id == id && a.Active, ct)
            : await db.Agents.FirstOrDefaultAsync(a => a.Email == email && a.Active, ct);
        if (found is null)
        {
            errors.Add("owner", $"There is no active agent '{owner}' (give an agent id or email).");
        }
        return found;
    }
}
