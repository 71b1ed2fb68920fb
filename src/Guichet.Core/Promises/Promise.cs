using Guichet.Core.Agents;
using Guichet.Core.Cases;

namespace Guichet.Core.Promises;

/// <summary>
/// A commitment to a customer with a due time and an owner (SPEC P2). Its transitions refuse
/// what would rewrite history: a kept promise cannot be renegotiated, a broken one not kept.
/// </summary>
public sealed class Promise
{
    public long Id { get; private set; }
    public long CaseId { get; private set; }
    public Case Case { get; private set; } = null!;
    public PromiseKind Kind { get; init; }
    public required string What { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset DueAt { get; private set; }
    public long? OwnerId { get; private set; }
    public Agent? Owner { get; private set; }
    public PromiseState State { get; private set; } = PromiseState.Open;
    /// <summary>SPEC P8: internal until confirmed; the customer only hears when they will hear back.</summary>
    public bool ToConfirm { get; private set; }
    public DateTimeOffset? SettledAt { get; private set; }
    /// <summary>Its due time passed while it was running and nobody told the customer (SPEC P6).</summary>
    public bool SilentBreach { get; private set; }

    // The watcher's schedule for the current deadline (PromiseSchedule); NextActionAt is indexed.
    public DateTimeOffset ScheduledFrom { get; private set; }
    public DateTimeOffset? OwnerAlertAt { get; private set; }
    public DateTimeOffset? OwnerAlertedAt { get; private set; }
    /// <summary>When the customer gets a delay notice if the promise is still running; null while blocked at the ceiling.</summary>
    public DateTimeOffset? NoticeAt { get; private set; }
    public DateTimeOffset? NextActionAt { get; private set; }
    public List<PromiseRenegotiation> Renegotiations { get; set; } = [];
    /// <summary>The service level this promise is a target of (W8); null for a person's promise.</summary>
    public long? PolicyId { get; private set; }

    /// <summary>A service level's next-reply and resolution targets are settled by the case's resolution, not one by one.</summary>
    public bool SettledByResolution => Kind is PromiseKind.NextReply or PromiseKind.Resolution;

    public bool IsActive => State is PromiseState.Open or PromiseState.Renegotiated;

    public bool IsSilentlyBreached(DateTimeOffset now) => IsActive && DueAt <= now;

    public static Promise Make(Case @case, PromiseKind kind, string what, DateTimeOffset dueAt, Agent? owner, bool toConfirm, DateTimeOffset now)
    {
        var promise = new Promise
        {
            Case = @case,
            Kind = kind,
            What = what,
            CreatedAt = now,
            DueAt = dueAt,
            Owner = owner,
            OwnerId = owner?.Id,
            ToConfirm = toConfirm,
        };
        @case.Promises.Add(promise);
        @case.Events.Add(CaseEvent.Create(CaseEventKind.PromiseMade, now, owner, null, dueAt.ToString("O"), what));
        @case.RefreshNextDue();
        promise.Schedule(now);
        return promise;
    }

    public Failure? Keep(Agent? by, DateTimeOffset now)
    {
        if (!IsActive)
        {
            return Failure.Conflict("state", $"This promise is already {State.ToWire()}.");
        }
        State = PromiseState.Kept;
        SettledAt = now;
        Case.Events.Add(CaseEvent.Create(CaseEventKind.PromiseKept, now, by, null, null, What));
        Case.RefreshNextDue();
        RefreshNextAction();
        return null;
    }

    public Failure? Renegotiate(DateTimeOffset newDueAt, Agent? by, Message? notice, DateTimeOffset now)
    {
        if (!IsActive)
        {
            return Failure.Conflict("state", $"A {State.ToWire()} promise cannot be renegotiated.");
        }
        if (newDueAt <= now)
        {
            return Failure.Invalid("newDueAt", "The new due time must be in the future.");
        }
        if (newDueAt <= DueAt)
        {
            return Failure.Invalid("newDueAt", "A renegotiation moves the due time later; to keep the promise, mark it kept.");
        }
        Renegotiations.Add(new PromiseRenegotiation
        {
            OldDueAt = DueAt,
            NewDueAt = newDueAt,
            At = now,
            ByAgentId = by?.Id,
            NoticeMessage = notice,
        });
        Case.Events.Add(CaseEvent.Create(CaseEventKind.PromiseRenegotiated, now, by, DueAt.ToString("O"), newDueAt.ToString("O"), What));
        DueAt = newDueAt;
        State = PromiseState.Renegotiated;
        Case.RefreshNextDue();
        Schedule(now);
        return null;
    }

    /// <summary>How long a promise marked kept by mistake can be opened again (issue 24: one click on "kept" had no undo).</summary>
    public static readonly TimeSpan ReopenWindow = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Undoes a "kept" given by mistake, within <see cref="ReopenWindow"/>: running again as it was
    /// (open, or renegotiated if it had been), its due time and notices unchanged; the timeline says
    /// who opened it again. The first answer kept by a person's reply stays kept: the reply was sent.
    /// </summary>
    public Failure? Reopen(Agent? by, DateTimeOffset now, bool wasRenegotiated)
    {
        if (State != PromiseState.Kept || SettledAt is not { } keptAt)
        {
            return Failure.Conflict("state", $"Only a promise marked kept can be opened again; this one is {State.ToWire()}.");
        }
        if (now - keptAt > ReopenWindow)
        {
            return Failure.Conflict("state", $"A promise marked kept can be opened again for {ReopenWindow.TotalMinutes:0} minutes; make a new promise instead.");
        }
        if (Kind == PromiseKind.FirstResponse && Case.FirstAnsweredAt is not null)
        {
            return Failure.Conflict("state", "The first answer was kept by a reply that was sent: it stays kept.");
        }
        State = wasRenegotiated ? PromiseState.Renegotiated : PromiseState.Open;
        SettledAt = null;
        Case.Events.Add(CaseEvent.Create(CaseEventKind.PromiseReopened, now, by, null, null, What));
        Case.RefreshNextDue();
        RefreshNextAction();
        return null;
    }

    public Failure? Break(Agent? by, string reason, DateTimeOffset now)
    {
        if (!IsActive)
        {
            return Failure.Conflict("state", $"This promise is already {State.ToWire()}.");
        }
        State = PromiseState.Broken;
        SettledAt = now;
        Case.Events.Add(CaseEvent.Create(CaseEventKind.PromiseBroken, now, by, null, null, reason));
        Case.RefreshNextDue();
        RefreshNextAction();
        return null;
    }

    /// <summary>The watcher found it past due while running: broken, and counted as a silent breach (P6).</summary>
    public void BreakSilently(DateTimeOffset now)
    {
        Break(null, $"Lapsed unanswered at {DueAt:O}", now);
        SilentBreach = true;
    }

    /// <summary>Plans the owner alert and the customer notice for the current deadline, counted from <paramref name="from"/>.</summary>
    public void Schedule(DateTimeOffset from)
    {
        var plan = PromiseSchedule.For(Case.Team, from, DueAt);
        ScheduledFrom = from;
        OwnerAlertAt = plan.OwnerAlertAt;
        OwnerAlertedAt = null;
        NoticeAt = plan.NoticeAt;
        RefreshNextAction();
    }

    public void MarkOwnerAlerted(DateTimeOffset now)
    {
        OwnerAlertedAt = now;
        RefreshNextAction();
    }

    public void DeferOwnerAlert(DateTimeOffset to)
    {
        OwnerAlertAt = to;
        RefreshNextAction();
    }

    /// <summary>Moves the notice (to the next opening), or blocks it (null) until a manager approves past the ceiling.</summary>
    public void SetNoticeAt(DateTimeOffset? at)
    {
        NoticeAt = at;
        RefreshNextAction();
    }

    /// <summary>The earliest pending action: the owner alert, the notice, or the due time itself.</summary>
    public void RefreshNextAction()
    {
        if (!IsActive)
        {
            NextActionAt = null;
            return;
        }
        var next = DueAt;
        if (OwnerAlertedAt is null && OwnerAlertAt is { } alert && alert < next)
        {
            next = alert;
        }
        if (NoticeAt is { } notice && notice < next)
        {
            next = notice;
        }
        NextActionAt = next;
    }

    /// <summary>A promise made to replace a lapsed one stays the same service level's target.</summary>
    public void FollowOn(Promise lapsed) => PolicyId = lapsed.PolicyId;

    /// <summary>Makes it a service level's target, under the policy's name.</summary>
    public void ForPolicy(long policyId, string what) => (PolicyId, What) = (policyId, what);

    /// <summary>
    /// A service level's target moved earlier (the case's priority rose): no notice, since the customer
    /// was promised nothing later than the date they have; the timeline says from when to when.
    /// </summary>
    public void Advance(DateTimeOffset newDueAt, DateTimeOffset now)
    {
        if (!IsActive || newDueAt >= DueAt)
        {
            return;
        }
        Case.Events.Add(CaseEvent.Create(CaseEventKind.TargetMoved, now, null, DueAt.ToString("O"), newDueAt.ToString("O"), What));
        DueAt = newDueAt;
        Case.RefreshNextDue();
        Schedule(now);
    }

    /// <summary>The promise's keeper; null gives it to the case's team until someone owns the case.</summary>
    public void AssignOwner(Agent? owner) => (Owner, OwnerId) = (owner, owner?.Id);

}
