using Guichet.Core.Agents;
using Guichet.Core.Customers;
using Guichet.Core.Promises;
using Guichet.Core.Teams;

namespace Guichet.Core.Cases;

/// <summary>
/// One problem of one customer, across every channel (SPEC C1), with one owner (C4).
/// Transitions go through the methods below, which record a <see cref="CaseEvent"/> each. What
/// belongs to one capability lives beside it: the ceiling (Promises/Case.Ceiling.cs), escalation
/// and routing (Routing/Case.Escalation.cs), crises and outreach (Incidents/Case.Crisis.cs),
/// cancellation (Goodwill/Case.Cancellation.cs), test journeys (Journeys/Case.TestJourney.cs),
/// merging (Cases/Case.Merge.cs) and the guard's record (Replies/Case.Guard.cs).
/// </summary>
public sealed partial class Case
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
    /// <summary>
    /// The inbox's order, computed by the database from <see cref="NextDueAt"/> and
    /// <see cref="CustomerWaitingSince"/> (<see cref="DueOrderSentinel"/> when neither), and indexed:
    /// the first page of a million cases is read from the index, not sorted (issue 25).
    /// </summary>
    public DateTimeOffset DueOrder { get; private set; }
    public static readonly DateTimeOffset DueOrderSentinel = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);
    /// <summary>
    /// <see cref="IsActive"/> as the database computes it: the inbox's "active" filter is one value
    /// of an index ordered by <see cref="DueOrder"/>, not three statuses merged and sorted. A number
    /// (1 active, 0 not), as "= 1" is what uses an index, where a bare true column does not on SQLite.
    /// </summary>
    public int InInbox { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    /// <summary>When a person first answered, on whatever channel: the first response time per channel (M3).</summary>
    public DateTimeOffset? FirstAnsweredAt { get; private set; }
    /// <summary>Customer contacts on this case; above one they are repeat contacts (SPEC C1, M2).</summary>
    public int ContactCount { get; private set; }
    /// <summary>Earliest due time of the case's open promises, stored and indexed (CONVENTIONS habit 3).</summary>
    public DateTimeOffset? NextDueAt { get; private set; }
    /// <summary>Since when the customer has been waiting for a person: their first message no one has answered yet; null when the last word was ours (issue 24).</summary>
    public DateTimeOffset? CustomerWaitingSince { get; private set; }
    /// <summary>What the case is about (billing, delivery…), set by routing rules or an agent.</summary>
    public string? Category { get; set; }
    /// <summary>C5, M2: times the customer had to say again what they had already written.</summary>
    public int ReExplanations { get; private set; }
    /// <summary>M2: times the case moved to another team or person.</summary>
    public int Transfers { get; private set; }
    /// <summary>
    /// People the customer copied on the conversation ("a@x, b@y"): replies copy them unless the
    /// agent removes them, and their answers thread into the case (issue 26, <see cref="CopiedPeople"/>).
    /// </summary>
    public string Copied { get; set; } = "";
    /// <summary>The service level the case falls under (W8), chosen when it is acknowledged and when its priority changes.</summary>
    public long? ServicePolicyId { get; set; }
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

    public static string FormatReference(long id, DateTimeOffset createdAt) => $"G-{createdAt.UtcDateTime.Year}-{id:D6}";

    /// <summary>Something hanging on the case changed (its fields): the incremental export and the "updated" order see it.</summary>
    public void Touch(DateTimeOffset now) => UpdatedAt = now > UpdatedAt ? now : UpdatedAt;

    public bool IsActive => Status is CaseStatus.New or CaseStatus.Open or CaseStatus.WaitingOnCustomer;

    /// <summary>A customer wrote, called or posted on this case. Reopens a resolved case.</summary>
    public void RecordCustomerContact(DateTimeOffset now)
    {
        ContactCount++;
        UpdatedAt = now;
        CustomerWaitingSince ??= now;
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

    /// <summary>A person answered (a reply, a call): the first-response promise is kept (P1) and the case is theirs if nobody owned it (C4).</summary>
    public void AnsweredBy(Agent agent, DateTimeOffset now)
    {
        FirstAnsweredAt ??= now;
        RecordAgentReply(agent, now);
        foreach (var promise in Promises.Where(p => p.Kind is PromiseKind.FirstResponse or PromiseKind.NextReply && p.IsActive))
        {
            promise.Keep(agent, now);
        }
    }

    /// <summary>A person answered: the case is now open and, if nobody owned it, theirs (SPEC C4).</summary>
    public void RecordAgentReply(Agent agent, DateTimeOffset now)
    {
        UpdatedAt = now;
        CustomerWaitingSince = null;
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

    public Failure? Resolve(Agent? by, DateTimeOffset now)
    {
        if (Status is CaseStatus.Resolved or CaseStatus.Closed)
        {
            return Failure.Conflict("status", $"The case is already {Status.ToWire()}.");
        }
        ResolvedAt = now;
        foreach (var target in Promises.Where(p => p.IsActive && p.SettledByResolution))
        {
            target.Keep(by, now);
        }
        // Resolved: nobody waits on us any more; a new message reopens it and starts the wait again.
        CustomerWaitingSince = null;
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

    /// <summary>An agent sets the priority by hand, saying why: the timeline keeps who, from what, to what and why (issue 24).</summary>
    public Failure? SetPriority(CasePriority to, Agent? by, string? reason, DateTimeOffset now)
    {
        if (to == Priority)
        {
            return Failure.Conflict("priority", $"The case is already {to.ToWire()}.");
        }
        Events.Add(CaseEvent.Create(CaseEventKind.PriorityChanged, now, by, Priority.ToWire(), to.ToWire(), string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()));
        Priority = to;
        UpdatedAt = now;
        return null;
    }

    public Failure? WaitForCustomer(Agent? by, DateTimeOffset now)
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

    public void AddNote(Agent? by, string text, DateTimeOffset now)
    {
        UpdatedAt = now;
        Events.Add(CaseEvent.Create(CaseEventKind.Note, now, by, null, null, text));
    }

    /// <summary>Recomputes the stored next due time from the promises still running.</summary>
    public void RefreshNextDue()
    {
        NextDueAt = Promises.Where(p => p.IsActive).Select(p => (DateTimeOffset?)p.DueAt).Min();
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
