using Guichet.Core.Agents;

namespace Guichet.Core.Cases;

// P5: the ceiling of a case, its lead alert and a manager's approval to go past it.
public sealed partial class Case
{
    /// <summary>P5: past this, renegotiating needs a manager's approval (creation + the team's ceiling days).</summary>
    public DateTimeOffset CeilingAt { get; private set; }
    /// <summary>When the team lead is alerted (75 % of the ceiling); null once handled. Indexed for the watcher.</summary>
    public DateTimeOffset? CeilingAlertAt { get; private set; }
    public DateTimeOffset? CeilingAlertedAt { get; private set; }
    /// <summary>How far a manager allowed promises to run past the ceiling.</summary>
    public DateTimeOffset? CeilingApprovedUntil { get; private set; }
    /// <summary>When managers were last asked to approve going past the ceiling.</summary>
    public DateTimeOffset? CeilingApprovalRequestedAt { get; private set; }

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

    /// <summary>
    /// P5 at the ceiling with no approval: the case is the manager's now, and so is its promise.
    /// The date the customer is given is the manager's own, inside the manager's calendar.
    /// </summary>
    public void HandOverAtCeiling(Agent manager, DateTimeOffset until, DateTimeOffset now)
    {
        AssignTo(manager, null, now);
        Events.Add(CaseEvent.Create(CaseEventKind.CeilingHandedOver, now, null, CeilingAt.ToString("O"), until.ToString("O"), manager.Name));
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


    // A reopened case that was never alerted gets its ceiling alert back.
    private void RestoreCeilingAlert(DateTimeOffset now)
    {
        if (CeilingAlertedAt is null && CeilingAlertAt is null)
        {
            var planned = CreatedAt.AddDays(Team.CeilingDays * Team.CeilingAlertPercent / 100.0);
            CeilingAlertAt = planned > now ? planned : now;
        }
    }
}
