using Guichet.Core.Agents;
using Guichet.Core.Cases;
using Guichet.Core.Data;
using Guichet.Core.Teams;
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
        Validate(request, now, errors, "");
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
        var promise = Promise.Make(@case, PromiseKind.Commitment, request.What!.Trim(), DueFor(request, @case.Team, now), owner ?? @case.Owner ?? actor, request.ToConfirm, now);
        await db.SaveChangesAsync(ct);
        return promise;
    }

    /// <summary>Checks what and when; field names get <paramref name="prefix"/> ("promise.dueAt" inside a reply).</summary>
    public static void Validate(MakePromiseRequest request, DateTimeOffset now, ValidationErrors errors, string prefix)
    {
        if (string.IsNullOrWhiteSpace(request.What))
        {
            errors.Add(prefix + "what", "Say what is promised (for example \"call back about the refund\").", new("promise.what", []));
        }
        else if (request.What.Length > MakePromiseRequest.MaxWhatLength)
        {
            errors.Add(prefix + "what", $"The promise is longer than {MakePromiseRequest.MaxWhatLength} characters.", new("promise.whatLong", [$"{MakePromiseRequest.MaxWhatLength}"]));
        }
        if (request.DueAt is null == request.DueInBusinessHours is null)
        {
            errors.Add(prefix + "dueAt", "Give exactly one of dueAt (a date and time) and dueInBusinessHours.", new("promise.when", []));
        }
        else if (request.DueAt is { } dueAt && dueAt <= now)
        {
            errors.Add(prefix + "dueAt", "The due time must be in the future.", new("promise.past", []));
        }
        else if (request.DueInBusinessHours is { } hours && (hours <= 0 || hours > MaxBusinessHours || double.IsNaN(hours)))
        {
            errors.Add(prefix + "dueInBusinessHours", $"Give a number of business hours between 0 and {MaxBusinessHours}.", new("promise.hours", [$"{MaxBusinessHours}"]));
        }
    }

    /// <summary>The due time the request names, on the team's calendar for business hours.</summary>
    public static DateTimeOffset DueFor(MakePromiseRequest request, Team team, DateTimeOffset now) =>
        request.DueAt?.ToUniversalTime() ?? team.Calendar.AddBusinessHours(now.ToInstant(), request.DueInBusinessHours!.Value).ToUtc();

    private async Task<Agent?> FindOwnerAsync(string? owner, ValidationErrors errors, CancellationToken ct)
    {
        if (owner is null)
        {
            return null;
        }
        var email = owner.Trim().ToLowerInvariant();
        var found = long.TryParse(owner, out var id)
            ? await db.Agents.FirstOrDefaultAsync(a => a.Id == id && a.Active && a.Role != AgentRole.Auditor, ct)
            : await db.Agents.FirstOrDefaultAsync(a => a.Email == email && a.Active && a.Role != AgentRole.Auditor, ct);
        if (found is null)
        {
            errors.Add("owner", $"There is no active agent '{owner}' who can own promises (give an agent id or email).");
        }
        return found;
    }
}
