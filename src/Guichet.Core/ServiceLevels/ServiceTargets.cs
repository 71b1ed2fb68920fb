using Guichet.Core.Cases;
using Guichet.Core.Data;
using Guichet.Core.Promises;

namespace Guichet.Core.ServiceLevels;

/// <summary>
/// A service level's targets as promises (W8): made when the case is acknowledged (first reply,
/// resolution) and when the customer writes again after an answer (next reply); kept by a person's
/// reply or the resolution; moved when the case's priority changes. A later date is renegotiated
/// with the customer, as any promise (P3); an earlier one is moved without a word, since the
/// customer was promised no later than the date they have.
/// </summary>
public static class ServiceTargets
{
    /// <summary>An earlier target never lands closer than this to now: a due time in the past would be a breach nobody could avoid.</summary>
    public static readonly TimeSpan ShortestLead = TimeSpan.FromHours(1);

    /// <summary>The policy the case falls under now, kept on the case (null when none applies).</summary>
    public static ServicePolicy? Attach(GuichetDb db, Case @case)
    {
        var policy = db.ServiceLevels.For(@case);
        @case.ServicePolicyId = policy?.Id;
        return policy;
    }

    /// <summary>The resolution target, when the case's policy has one.</summary>
    public static void Resolution(Case @case, ServicePolicy? policy, DateTimeOffset now)
    {
        if (policy?.ResolutionHours is { } hours && !@case.Promises.Any(p => p.IsActive && p.Kind == PromiseKind.Resolution))
        {
            Make(@case, policy, PromiseKind.Resolution, hours, now);
        }
    }

    /// <summary>The customer wrote again after an answer: the next reply is due within the policy's hours, unless one already is.</summary>
    public static void NextReply(GuichetDb db, Case @case, DateTimeOffset now)
    {
        if (@case.FirstAnsweredAt is null || db.ServiceLevels.ById(@case.ServicePolicyId) is not { NextReplyHours: { } hours } policy
            || @case.Promises.Any(p => p.IsActive && p.Kind is PromiseKind.NextReply or PromiseKind.FirstResponse))
        {
            return;
        }
        Make(@case, policy, PromiseKind.NextReply, hours, now);
    }

    private static void Make(Case @case, ServicePolicy policy, PromiseKind kind, double hours, DateTimeOffset now)
    {
        var due = @case.Team.Calendar.AddBusinessHours(now.ToInstant(), hours).ToUtc();
        var promise = Promise.Make(@case, kind, policy.What(kind), due, @case.Owner, toConfirm: false, now);
        promise.ForPolicy(policy.Id, policy.What(kind));
    }

    /// <summary>
    /// The case's priority changed: the policy that matches now gives each running target its due
    /// time, counted from when the target began. Later: renegotiated, the customer told. Earlier:
    /// moved, no earlier than <see cref="ShortestLead"/> from now. A case no policy matches keeps its
    /// dates. Needs the case's team, customer and promises.
    /// </summary>
    public static void Retime(GuichetDb db, Case @case, DateTimeOffset now)
    {
        var policy = Attach(db, @case);
        if (policy is null)
        {
            return;
        }
        // The first answer's promise, made before any policy applied, is the first-reply target from now on.
        foreach (var target in @case.Promises.Where(p => p.IsActive && (p.PolicyId is not null || p.Kind == PromiseKind.FirstResponse)).ToList())
        {
            // Under the same policy a target keeps its date, and a date the customer was given is never pulled back.
            if (target.PolicyId == policy.Id || policy.HoursFor(target.Kind) is not { } hours)
            {
                continue;
            }
            var due = @case.Team.Calendar.AddBusinessHours(target.CreatedAt.ToInstant(), hours).ToUtc();
            target.ForPolicy(policy.Id, policy.What(target.Kind));
            if (due > target.DueAt)
            {
                DelayNotices.Renegotiate(db, target, due, null, now);
            }
            else if (due < target.DueAt && target.Renegotiations.Count == 0)
            {
                var earliest = now + ShortestLead;
                target.Advance(due > earliest ? due : earliest, now);
            }
        }
    }
}
