using Guichet.Core.Agents;
using Guichet.Core.Cases;
using Guichet.Core.Customers;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;
using Guichet.Core.Teams;

namespace Guichet.Core.Phone;

/// <summary>
/// Logs a hotline call (H4) on the case it belongs to: the case given, else the caller's open
/// case (their number finds them, C2), else a new case the call opens with its dated promise
/// (P1). The call is a customer contact; answered by a person, it keeps the first-response promise
/// and gives the case its owner (C4). "Redirected to another channel" is recorded as a defect on
/// the case (C3), which carries on; "resolved" settles the case, and when the call also opened it,
/// it counts as a first-contact resolution.
/// </summary>
public sealed class LogCall(GuichetDb db, TimeProvider clock, OpenCase open)
{
    public sealed record Logged(PhoneCall Call, long CaseId, bool Duplicate);

    public async Task<Result<Logged>> RunAsync(LogCallRequest request, Agent? actor, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var outcome = CallOutcome.FollowUp;
        if (request.Outcome is null || !WireNames.TryParseWire(request.Outcome, out outcome))
        {
            errors.Add("outcome", $"Give how the call ended: {string.Join(", ", Enum.GetValues<CallOutcome>().Select(o => o.ToWire()))}.");
        }
        if (request.Start is null)
        {
            errors.Add("start", "The start of the call is required.");
        }
        else if (request.End is { } end && end < request.Start)
        {
            errors.Add("end", "The call cannot end before it starts.");
        }
        if (request.CaseId is null && string.IsNullOrWhiteSpace(request.Caller))
        {
            errors.Add("caller", "Give the case or the caller's number.");
        }
        if (request.Notes is { Length: > LogCallRequest.MaxNotesLength })
        {
            errors.Add("notes", $"The notes are longer than {LogCallRequest.MaxNotesLength} characters.");
        }
        if (request.CallId is { Length: > 200 })
        {
            errors.Add("callId", "The call id is longer than 200 characters.");
        }
        var agent = actor;
        if (agent is null && !string.IsNullOrWhiteSpace(request.Agent))
        {
            // Agent addresses are stored lower-cased.
            var email = request.Agent.Trim().ToLowerInvariant();
            agent = await db.Agents.FirstOrDefaultAsync(a => a.Email == email, ct);
            if (agent is null)
            {
                errors.Add("agent", $"No agent has the address '{request.Agent}'.");
            }
        }
        if (errors.Any)
        {
            return errors;
        }
        if (request.CallId is not null && await db.PhoneCalls.AsNoTracking().FirstOrDefaultAsync(c => c.CallId == request.CallId, ct) is { } known)
        {
            return new Logged(known, known.CaseId, Duplicate: true);
        }

        var now = clock.Now();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (caseResult, caller) = await FindCaseAsync(request, ct);
        if (!caseResult.Succeeded)
        {
            return caseResult.Failure!;
        }
        var body = string.IsNullOrWhiteSpace(request.Notes) ? "(appel sans note)" : request.Notes.Trim();
        Case @case;
        Message contact;
        var opened = false;
        if (caseResult.Value is { } found)
        {
            @case = found;
            contact = await CustomerWrites.RecordAsync(db, @case, Channel.Phone, body, @case.Customer.Name, null, now, ct);
            if (request.CaseId is not null && caller is not null)
            {
                await RememberNumberAsync(@case, caller, ct);
            }
        }
        else
        {
            var contactRequest = new OpenCaseRequest(new CustomerContact(caller ?? request.Caller!.Trim(), Phone: caller), "phone",
                string.IsNullOrWhiteSpace(request.Subject) ? $"Appel du {caller ?? request.Caller!.Trim()}" : request.Subject.Trim(), body, request.Team);
            var started = await open.ContactAsync(contactRequest, ct);
            if (!started.Succeeded)
            {
                return started.Failure!;
            }
            (@case, contact, opened) = (started.Value.Case, started.Value.Message, !started.Value.Appended);
        }

        var call = new PhoneCall
        {
            CallId = request.CallId,
            Caller = caller ?? request.Caller?.Trim(),
            Callee = request.Callee?.Trim(),
            // Stored in UTC (PostgreSQL's timestamptz takes no other offset).
            StartedAt = request.Start!.Value.ToUniversalTime(),
            EndedAt = (request.End ?? request.Start!.Value).ToUniversalTime(),
            AgentId = agent?.Id,
            Outcome = outcome,
            OpenedTheCase = opened,
        };
        var minutes = (int)Math.Ceiling((call.EndedAt - call.StartedAt).TotalMinutes);
        @case.Events.Add(CaseEvent.Create(CaseEventKind.CallLogged, now, agent, null, outcome.ToWire(), $"{minutes} min"));
        if (call.Answered && agent is not null)
        {
            @case.AnsweredBy(agent, now);
        }
        if (outcome == CallOutcome.Redirected)
        {
            @case.Events.Add(CaseEvent.Create(CaseEventKind.RedirectedElsewhere, now, agent, Channel.Phone.ToWire(), null, "the caller was told to use another channel instead of being helped or transferred"));
        }
        if (outcome == CallOutcome.Resolved && agent is not null && @case.IsActive)
        {
            @case.Resolve(agent, now);
        }
        await db.SaveChangesAsync(ct);
        call.CaseId = @case.Id;
        call.MessageId = contact.Id;
        db.PhoneCalls.Add(call);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new Logged(call, @case.Id, Duplicate: false);
    }

    /// <summary>
    /// A call logged on a case from a number nobody has yet: the number is the customer's from now on
    /// (unverified), so their next call finds them. A number that belongs to someone else is left alone.
    /// </summary>
    private async Task RememberNumberAsync(Case @case, string number, CancellationToken ct)
    {
        if (!await db.CustomerIdentities.AnyAsync(i => i.Kind == IdentityKind.Phone && i.Value == number, ct))
        {
            @case.Customer.Identities.Add(new CustomerIdentity { Kind = IdentityKind.Phone, Value = number, Verified = false });
        }
    }

    /// <summary>
    /// The case given, or the caller's most recent open case (null when the call should open one),
    /// and the caller's number in E.164 when it is a valid one, read in that team's country.
    /// </summary>
    private async Task<(Result<Case?> Case, string? Caller)> FindCaseAsync(LogCallRequest request, CancellationToken ct)
    {
        if (request.CaseId is { } id)
        {
            var given = await db.FindCaseAsync(id, ct);
            return given is null
                ? (CaseQueries.CaseNotFound(id), null)
                : (given, request.Caller is null ? null : PhoneNumber.ToE164(request.Caller, given.Team.TimeZone));
        }
        var zone = await db.Teams.Receiving(request.Team).Select(t => t.TimeZone).FirstOrDefaultAsync(ct);
        var caller = PhoneNumber.ToE164(request.Caller!, zone);
        if (caller is null)
        {
            return (Result<Case?>.Ok(null), null);
        }
        var active = await db.LatestActiveCaseIdAsync(IdentityKind.Phone, caller, null, ct);
        return (active is { } caseId ? await db.FindCaseAsync(caseId, ct) : null, caller);
    }
}
