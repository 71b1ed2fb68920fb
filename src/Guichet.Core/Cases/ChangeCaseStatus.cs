using Guichet.Core.Promises;
using Microsoft.EntityFrameworkCore;
using Guichet.Core.Agents;
using Guichet.Core.Data;

namespace Guichet.Core.Cases;

public enum StatusChange
{
    Resolve,
    Reopen,
    WaitForCustomer,
    Close,
}

/// <summary>What becomes of an open promise when its case is resolved: kept by the resolution, or not kept.</summary>
public enum PromiseOutcome
{
    Kept,
    Broken,
}

/// <summary>Resolve, reopen, wait for the customer, close: the case refuses what its state does not allow.</summary>
public sealed class ChangeCaseStatus(GuichetDb db, TimeProvider clock)
{
    /// <summary>
    /// Resolving a case whose promises are still open settles each one as the agent says (issue 24:
    /// a case resolved with two open promises left them to the watcher, which would have sent the
    /// customer new dates on a closed matter). Every open promise needs an outcome; a promise not
    /// kept needs the reason, which the timeline keeps.
    /// </summary>
    public async Task<Result<Case>> ResolveAsync(long caseId, IReadOnlyDictionary<long, PromiseOutcome> outcomes, string? reason, Agent actor, CancellationToken ct = default)
    {
        var @case = await db.FindCaseAsync(caseId, ct);
        if (@case is null)
        {
            return CaseQueries.CaseNotFound(caseId);
        }
        // A service level's next-reply and resolution targets are settled by the resolution itself.
        var open = @case.Promises.Where(p => p.IsActive && !p.SettledByResolution).ToList();
        var errors = new ValidationErrors();
        if (open.Where(p => !outcomes.ContainsKey(p.Id)).Select(p => p.What).ToList() is { Count: > 0 } undecided)
        {
            errors.Add("promises", $"Say whether each open promise was kept: {string.Join("; ", undecided)}.", new("resolve.undecided", [string.Join(" ; ", undecided)]));
        }
        if (outcomes.Values.Contains(PromiseOutcome.Broken) && string.IsNullOrWhiteSpace(reason))
        {
            errors.Add("reason", "Say why a promise was not kept.", new("resolve.reason", []));
        }
        if (await Fields.SetCaseFields.MissingAsync(db, caseId, ct) is { Count: > 0 } missing)
        {
            errors.Add("customFields", $"Fill the required fields first: {string.Join(", ", missing)}.", new("resolve.fields", [string.Join(", ", missing)]));
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var now = clock.Now();
        foreach (var promise in open)
        {
            if ((outcomes[promise.Id] == PromiseOutcome.Kept ? promise.Keep(actor, now) : promise.Break(actor, reason!.Trim(), now)) is { } settled)
            {
                return settled;
            }
        }
        if (@case.Resolve(actor, now) is { } refused)
        {
            return refused;
        }
        await db.SaveChangesAsync(ct);
        return @case;
    }

    /// <summary>A status change as bulk actions and macros name it: wait, reopen, close, resolve.</summary>
    public static bool TryRead(string? word, out StatusChange change)
    {
        (var known, change) = word switch
        {
            "wait" => (true, StatusChange.WaitForCustomer),
            "reopen" => (true, StatusChange.Reopen),
            "close" => (true, StatusChange.Close),
            "resolve" => (true, StatusChange.Resolve),
            _ => (false, default),
        };
        return known;
    }

    /// <summary>
    /// A change made without a person looking at the case (a bulk action, a macro): resolving one
    /// whose promises are open is refused, since each needs a word of what became of it.
    /// </summary>
    public async Task<Result<Case>> RunUnattendedAsync(long caseId, StatusChange change, Agent actor, CancellationToken ct = default)
    {
        if (change == StatusChange.Resolve && await db.Promises.AnyAsync(p => p.CaseId == caseId && (p.State == PromiseState.Open || p.State == PromiseState.Renegotiated)
            && p.Kind != PromiseKind.NextReply && p.Kind != PromiseKind.Resolution, ct))
        {
            return Failure.Conflict("status", "The case has open promises: resolve it from its page, saying what became of each.");
        }
        return await RunAsync(caseId, change, actor, ct);
    }

    public async Task<Result<Case>> RunAsync(long caseId, StatusChange change, Agent actor, CancellationToken ct = default)
    {
        var @case = await db.FindCaseAsync(caseId, ct);
        if (@case is null)
        {
            return CaseQueries.CaseNotFound(caseId);
        }
        if (change == StatusChange.Resolve && await Fields.SetCaseFields.MissingAsync(db, caseId, ct) is { Count: > 0 } missing)
        {
            return Failure.Invalid("customFields", $"Fill the required fields first: {string.Join(", ", missing)}.");
        }
        var now = clock.Now();
        var failure = change switch
        {
            StatusChange.Resolve => @case.Resolve(actor, now),
            StatusChange.Reopen => @case.Reopen(actor, now),
            StatusChange.WaitForCustomer => @case.WaitForCustomer(actor, now),
            StatusChange.Close => @case.Close(actor, now),
        };
        if (failure is not null)
        {
            return failure;
        }
        await db.SaveChangesAsync(ct);
        return @case;
    }
}
