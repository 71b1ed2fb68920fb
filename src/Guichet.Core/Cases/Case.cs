using Guichet.Core.Agents;
using Guichet.Core.Customers;
using Guichet.Core.Promises;
using Guichet.Core.Teams;

namespace Guichet.Core.Cases;

/// <summary>
/// One problem of one customer, across every channel (SPEC C1), with one owner (C4).
/// Transitions go through the methods below, which record a <see cref="CaseEvent"/> each.
/// </summary>
public sealed class Case
{
    public long Id { get; private set; }
    /// <summary>Human reference, G-YYYY-NNNNNN; set right after the first save gives the id.</summary>
    public string Reference { get; set; } = "";
    public required string Subject { get; set; }
    public CaseStatus Status { get; private set; } = CaseStatus.New;
    public CasePriority Priority { get; set; } = CasePriority.Normal;
    public Channel Channel { get; init; }
    /// <summary>A customer's contact, the company's outreach, or a test journey (M5): figures count only contacts.</summary>
    public CaseOrigin Origin { get; private set; } = CaseOrigin.Contact;
    public long TeamId { get; private set; }
    public Team Team { get; private set; } = null!;
    public long? OwnerId { get; private set; }
    public Agent? Owner { get; private set; }
    public long CustomerId { get; init; }
    public Customer Customer { get; init; } = null!;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    /// <summary>When a person first answered, on whatever channel: the first response time per channel (M3).</summary>
    public DateTimeOffset? FirstAnsweredAt { get; private set; }
    /// <summary>Customer contacts on this case; above one they are repeat contacts (SPEC C1, M2).</summary>
    public int ContactCount { get; private set; }
    /// <summary>Earliest due time of the case's open promises, stored and indexed (CONVENTIONS habit 3).</summary>
    public DateTimeOffset? NextDueAt { get; private set; }
    /// <summary>P5: past this, renegotiating needs a manager's approval (creation + the team's ceiling days).</summary>
    public DateTimeOffset CeilingAt { get; private set; }
    /// <summary>When the team lead is alerted (75 % of the ceiling); null once handled. Indexed for the watcher.</summary>
    public DateTimeOffset? CeilingAlertAt { get; private set; }
    public DateTimeOffset? CeilingAlertedAt { get; private set; }
    /// <summary>How far a manager allowed promises to run past the ceiling.</summary>
    public DateTimeOffset? CeilingApprovedUntil { get; private set; }
    /// <summary>When managers were last asked to approve going past the ceiling.</summary>
    public DateTimeOffset? CeilingApprovalRequestedAt { get; private set; }

    /// <summary>G4: the customer asked to cancel, and when the cancellation was carried out.</summary>
    public DateTimeOffset? CancellationRequestedAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    /// <summary>E3: the crisis the customer is caught in, when there is one.</summary>
    public long? CrisisId { get; private set; }
    /// <summary>What the case is about (billing, delivery…), set by routing rules or an agent.</summary>
    public string? Category { get; set; }
    /// <summary>E1, E2: who the case was put to, when, and why (the codes already raised, so each is raised once).</summary>
    public Routing.EscalationLevel Escalation { get; private set; }
    public DateTimeOffset? EscalatedAt { get; private set; }
    public string? EscalationReason { get; private set; }
    public string EscalationCodes { get; private set; } = "";
    /// <summary>C5, M2: times the customer had to say again what they had already written.</summary>
    public int ReExplanations { get; private set; }
    /// <summary>M2: times the case moved to another team or person.</summary>
    public int Transfers { get; private set; }
    public List<Message> Messages { get; set; } = [];
    public List<CaseEvent> Events { get; set; } = [];
    public List<Promise> Promises { get; set; } = [];

    public static Case Open(Team team, Customer customer, string subject, Channel channel, DateTimeOffset now) => new()
    {
        Subject = subject,
        Channel = channel,
        Team = team,
        TeamId = team.Id,
        Customer = customer,
        CustomerId = customer.Id,
        CreatedAt = now,
        UpdatedAt = now,
        CeilingAt = now.AddDays(team.CeilingDays),
        CeilingAlertAt = now.AddDays(team.CeilingDays * team.CeilingAlertPercent / 100.0),
    };

    /// <summary>
    /// A case the company opens to reach a customer who has not written (SPEC G3), settled as it
    /// opens: the apology and the gesture are the resolution. It stays out of every queue and
    /// ceiling alert; a reply from the customer reopens it (C1).
    /// </summary>
    public static Case Outreach(Team team, Customer customer, string subject, string category, DateTimeOffset now)
    {
        var @case = Open(team, customer, subject, Channel.Email, now);
        @case.Category = category;
        @case.Origin = CaseOrigin.Outreach;
        @case.Status = CaseStatus.Resolved;
        @case.ResolvedAt = now;
        @case.CeilingAlertAt = null;
        return @case;
    }

    /// <summary>A test journey's synthetic customer opened it (M5): agents see it marked, figures leave it out.</summary>
    public void MarkAsTestJourney() => Origin = CaseOrigin.TestJourney;

    /// <summary>The journey was judged: its case leaves the queues, and what it still promised lapses with it, told to nobody but the run.</summary>
    public void CloseTestJourney(string verdict, DateTimeOffset now)
    {
        foreach (var promise in Promises.Where(p => p.IsActive))
        {
            promise.Break(null, verdict, now);
        }
        ResolvedAt ??= now;
        ChangeStatus(CaseStatus.Closed, null, now, verdict);
        NextDueAt = null;
        CeilingAlertAt = null;
    }

    /// <summary>The latest due time a promise may be moved to without a manager: the ceiling or the approved extension.</summary>
    public DateTimeOffset RenegotiationLimit => CeilingApprovedUntil is { } approved && approved > CeilingAt ? approved : CeilingAt;

    /// <summary>The lead was told the case nears its ceiling, or it was settled first: either way nothing is left to alert.</summary>
    public void CeilingAlertHandled(bool alerted, DateTimeOffset now)
    {
        CeilingAlertAt = null;
        if (alerted)
        {
            CeilingAlertedAt = now;
            Events.Add(CaseEvent.Create(CaseEventKind.CeilingNear, now, null, null, CeilingAt.ToString("O"), "team lead alerted"));
        }
    }

    public void RecordCeilingApprovalRequest(DateTimeOffset now)
    {
        CeilingApprovalRequestedAt = now;
        Events.Add(CaseEvent.Create(CaseEventKind.CeilingApprovalRequested, now, null, null, CeilingAt.ToString("O"), "a renegotiation would pass the ceiling"));
    }

    /// <summary>A manager lets promises on this case run until <paramref name="until"/> (SPEC P5), recorded on the case.</summary>
    public Failure? ApproveBeyondCeiling(DateTimeOffset until, Agent manager, string? reason, DateTimeOffset now)
    {
        if (manager.Role is not (AgentRole.Manager or AgentRole.Admin))
        {
            return new Failure(FailureKind.Forbidden, new Dictionary<string, string[]> { ["role"] = ["Only a manager can approve going past the case ceiling."] }, "Forbidden");
        }
        if (until <= now || until <= RenegotiationLimit)
        {
            return Failure.Invalid("until", $"Approve a date after the current limit ({RenegotiationLimit:O}).");
        }
        CeilingApprovedUntil = until;
        CeilingApprovalRequestedAt = null;
        UpdatedAt = now;
        Events.Add(CaseEvent.Create(CaseEventKind.CeilingApproved, now, manager, CeilingAt.ToString("O"), until.ToString("O"), reason));
        // Notices that were waiting for this approval can go now.
        foreach (var promise in Promises.Where(p => p.IsActive && p.NoticeAt is null))
        {
            promise.SetNoticeAt(now);
        }
        return null;
    }

    public static string FormatReference(long id, DateTimeOffset createdAt) => $"G-{createdAt.UtcDateTime.Year}-{id:D6}";

    /// <summary>E4: a case where a canned reply hurts: escalated (anger, fraud, a major problem…), caught in a crisis, or at the top priority.</summary>
    public bool IsDelicate => Escalation != Routing.EscalationLevel.None || CrisisId is not null || Priority == CasePriority.Urgent;

    public bool IsActive => Status is CaseStatus.New or CaseStatus.Open or CaseStatus.WaitingOnCustomer;

    /// <summary>
    /// Puts the case to a lead or a manager for the signals not raised before (SPEC E1, E2): the
    /// highest level wins, the case becomes at least high priority, and the timeline says why.
    /// </summary>
    public void Escalate(IReadOnlyList<Routing.Signal> signals, DateTimeOffset now)
    {
        var raised = EscalationCodes.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var fresh = signals.Where(s => !raised.Contains(s.Code)).ToList();
        if (fresh.Count == 0)
        {
            return;
        }
        var level = fresh.Max(s => s.Level);
        var previous = Escalation;
        if (level > Escalation)
        {
            Escalation = level;
            EscalatedAt = now;
            EscalationReason = fresh.First(s => s.Level == level).Reason;
        }
        EscalationCodes = string.Join(",", raised.Concat(fresh.Select(s => s.Code)));
        if (Priority < CasePriority.High)
        {
            Priority = CasePriority.High;
        }
        Events.Add(CaseEvent.Create(CaseEventKind.Escalated, now, null, previous.ToWire(), Escalation.ToWire(),
            string.Join(" ", fresh.Select(s => $"[{s.Code}] {s.Reason}"))));
    }

    /// <summary>
    /// E3: the customer is in a declared crisis's region. The case is tagged and made urgent, and
    /// the fees the crisis waives are recorded on it, so nobody bills them.
    /// </summary>
    public void JoinCrisis(Incidents.Crisis crisis, DateTimeOffset now)
    {
        CrisisId = crisis.Id;
        Priority = CasePriority.Urgent;
        UpdatedAt = now;
        var fees = crisis.FeeList;
        Events.Add(CaseEvent.Create(CaseEventKind.CrisisJoined, now, null, null, crisis.Name,
            fees.Count == 0 ? $"Crisis « {crisis.Name} » ({crisis.Kind})." : $"Crisis « {crisis.Name} » ({crisis.Kind}): fees waived {string.Join(", ", fees.Select(f => f.Code))}."));
    }

    public void MarkCancellationRequest(Agent by, DateTimeOffset now)
    {
        CancellationRequestedAt = now;
        Events.Add(CaseEvent.Create(CaseEventKind.CancellationRequested, now, by, null, null, "The customer asked to cancel."));
    }

    public void CarryOutCancellation(Agent by, DateTimeOffset now)
    {
        CancellationRequestedAt ??= now;
        CancelledAt = now;
        Events.Add(CaseEvent.Create(CaseEventKind.CancellationCarriedOut, now, by, null, null, "The cancellation was carried out."));
    }

    /// <summary>What routing decided when the case opened: priority and category as the rules set them, and why in the timeline.</summary>
    public void Route(Routing.RoutingDecision decision, DateTimeOffset now)
    {
        Priority = decision.Priority ?? Priority;
        Category = decision.Category ?? Category;
        if (decision.Reasons.Count > 0)
        {
            Events.Add(CaseEvent.Create(CaseEventKind.Routed, now, null, null, Team.Name, string.Join("; ", decision.Reasons)));
        }
    }

    /// <summary>C5: the customer had to write again what they had already written.</summary>
    public void RecordReExplanation(double share, long repeatedMessageId, DateTimeOffset now)
    {
        ReExplanations++;
        Events.Add(CaseEvent.Create(CaseEventKind.ReExplained, now, null, $"message {repeatedMessageId}", null,
            $"{share:P0} of this message repeats what the customer wrote before."));
    }

    /// <summary>The team's text for an automatic message failed the send guard here; the shipped one left (decision 0015).</summary>
    public void RecordRefusedTemplate(string key, Replies.Composed composed, DateTimeOffset now)
    {
        if (composed.Refused.Count > 0)
        {
            Events.Add(CaseEvent.Create(CaseEventKind.GuardBlocked, now, null, key, string.Join(",", composed.Refused.Select(r => r.Code)),
                string.Join(" ", composed.Refused.Select(r => r.Message))));
        }
    }

    /// <summary>A customer wrote, called or posted on this case. Reopens a resolved case.</summary>
    public void RecordCustomerContact(DateTimeOffset now)
    {
        ContactCount++;
        UpdatedAt = now;
        if (ContactCount > 1 && IsActive && Priority < CasePriority.Urgent)
        {
            // A repeat contact means the customer is still waiting: raise the case (SPEC C1).
            Priority++;
        }
        if (Status is CaseStatus.WaitingOnCustomer)
        {
            ChangeStatus(CaseStatus.Open, null, now);
        }
        else if (Status is CaseStatus.Resolved or CaseStatus.Closed)
        {
            ChangeStatus(CaseStatus.Open, null, now, "reopened by the customer");
            RestoreCeilingAlert(now);
        }
    }

    /// <summary>This case was folded into <paramref name="kept"/> (same problem, C1): closed, pointing there.</summary>
    public void FoldedInto(Case kept, Agent by, DateTimeOffset now)
    {
        Events.Add(CaseEvent.Create(CaseEventKind.CaseMerged, now, by, Reference, kept.Reference, $"merged into {kept.Reference}"));
        ResolvedAt ??= now;
        ChangeStatus(CaseStatus.Closed, by, now, $"merged into {kept.Reference}");
        NextDueAt = null;
        CeilingAlertAt = null;
    }

    /// <summary>The messages, events and promises of <paramref name="folded"/> now live here; its contacts count here too.</summary>
    public void Absorbed(Case folded, Agent by, DateTimeOffset now)
    {
        ContactCount += folded.ContactCount;
        UpdatedAt = now;
        Events.Add(CaseEvent.Create(CaseEventKind.CaseMerged, now, by, folded.Reference, Reference, $"{folded.Reference} merged into this case"));
        RefreshNextDue();
    }

    /// <summary>A person answered (a reply, a call): the first-response promise is kept (P1) and the case is theirs if nobody owned it (C4).</summary>
    public void AnsweredBy(Agent agent, DateTimeOffset now)
    {
        FirstAnsweredAt ??= now;
        RecordAgentReply(agent, now);
        foreach (var promise in Promises.Where(p => p.Kind == PromiseKind.FirstResponse && p.IsActive))
        {
            promise.Keep(agent, now);
        }
    }

    /// <summary>A person answered: the case is now open and, if nobody owned it, theirs (SPEC C4).</summary>
    public void RecordAgentReply(Agent agent, DateTimeOffset now)
    {
        UpdatedAt = now;
        if (Owner is null)
        {
            AssignTo(agent, agent, now);
        }
        if (Status is CaseStatus.New)
        {
            ChangeStatus(CaseStatus.Open, agent, now);
        }
    }

    public void AssignTo(Agent owner, Agent? by, DateTimeOffset now)
    {
        if (OwnerId == owner.Id && Owner is not null)
        {
            return;
        }
        var previous = Owner?.Name;
        Owner = owner;
        OwnerId = owner.Id;
        UpdatedAt = now;
        Events.Add(CaseEvent.Create(CaseEventKind.Assigned, now, by, previous, owner.Name));
        if (Status is CaseStatus.New)
        {
            ChangeStatus(CaseStatus.Open, by, now);
        }
    }

    /// <summary>
    /// Moves the case to another team, or to a person, with its whole history (SPEC C3, C4). Open
    /// promises move with it and keep their dates: the new owner's when a person receives it, the
    /// team's otherwise. The owner is cleared when the case leaves for a team they are not in.
    /// </summary>
    public Failure? TransferTo(Team team, Agent? to, string note, Agent? by, DateTimeOffset now)
    {
        if (to is null && team.Slug == Team.Slug)
        {
            return Failure.Invalid("team", "The case is already with this team.");
        }
        if (to is not null && to.Id == OwnerId)
        {
            return Failure.Invalid("agentId", $"{to.Name} already owns the case.");
        }
        Events.Add(CaseEvent.Create(CaseEventKind.Transferred, now, by, Owner is null ? Team.Name : $"{Owner.Name} ({Team.Name})",
            to is null ? team.Name : $"{to.Name} ({team.Name})", note));
        Transfers++;
        Team = team;
        TeamId = team.Id;
        if (to is not null)
        {
            Owner = to;
            OwnerId = to.Id;
        }
        else if (Owner is not null && Owner.TeamId != team.Id)
        {
            Owner = null;
            OwnerId = null;
        }
        foreach (var promise in Promises.Where(p => p.IsActive))
        {
            promise.AssignOwner(Owner);
        }
        UpdatedAt = now;
        return null;
    }

    public Failure? Resolve(Agent by, DateTimeOffset now)
    {
        if (Status is CaseStatus.Resolved or CaseStatus.Closed)
        {
            return Failure.Conflict("status", $"The case is already {Status.ToWire()}.");
        }
        ResolvedAt = now;
        ChangeStatus(CaseStatus.Resolved, by, now);
        return null;
    }

    public Failure? Reopen(Agent? by, DateTimeOffset now)
    {
        if (Status is not (CaseStatus.Resolved or CaseStatus.Closed))
        {
            return Failure.Conflict("status", $"Only a resolved or closed case can be reopened; this one is {Status.ToWire()}.");
        }
        ResolvedAt = null;
        ChangeStatus(CaseStatus.Open, by, now, "reopened");
        RestoreCeilingAlert(now);
        return null;
    }

    public Failure? WaitForCustomer(Agent by, DateTimeOffset now)
    {
        if (!IsActive)
        {
            return Failure.Conflict("status", $"The case is {Status.ToWire()}; reopen it first.");
        }
        ChangeStatus(CaseStatus.WaitingOnCustomer, by, now);
        return null;
    }

    public Failure? Close(Agent? by, DateTimeOffset now)
    {
        if (Status is not CaseStatus.Resolved)
        {
            return Failure.Conflict("status", "Only a resolved case can be closed.");
        }
        ChangeStatus(CaseStatus.Closed, by, now);
        return null;
    }

    public void AddNote(Agent by, string text, DateTimeOffset now)
    {
        UpdatedAt = now;
        Events.Add(CaseEvent.Create(CaseEventKind.Note, now, by, null, null, text));
    }

    /// <summary>Recomputes the stored next due time from the promises still running.</summary>
    public void RefreshNextDue()
    {
        NextDueAt = Promises.Where(p => p.IsActive).Select(p => (DateTimeOffset?)p.DueAt).Min();
    }

    // A reopened case that was never alerted gets its ceiling alert back.
    private void RestoreCeilingAlert(DateTimeOffset now)
    {
        if (CeilingAlertedAt is null && CeilingAlertAt is null)
        {
            var planned = CreatedAt.AddDays(Team.CeilingDays * Team.CeilingAlertPercent / 100.0);
            CeilingAlertAt = planned > now ? planned : now;
        }
    }

    private void ChangeStatus(CaseStatus to, Agent? by, DateTimeOffset now, string? detail = null)
    {
        if (Status == to)
        {
            return;
        }
        Events.Add(CaseEvent.Create(CaseEventKind.StatusChanged, now, by, Status.ToWire(), to.ToWire(), detail));
        Status = to;
        UpdatedAt = now;
    }
}
