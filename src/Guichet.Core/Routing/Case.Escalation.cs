namespace Guichet.Core.Cases;

// E1, E2, E4, C5: escalation, routing's decision, re-explanations, and what makes a case delicate.
public sealed partial class Case
{
    /// <summary>E1, E2: who the case was put to, when, and why (the codes already raised, so each is raised once).</summary>
    public Routing.EscalationLevel Escalation { get; private set; }
    public DateTimeOffset? EscalatedAt { get; private set; }
    public string? EscalationReason { get; private set; }
    public string EscalationCodes { get; private set; } = "";

    /// <summary>E4: a case where a canned reply hurts: escalated (anger, fraud, a major problem…), caught in a crisis, or at the top priority.</summary>
    public bool IsDelicate => Escalation != Routing.EscalationLevel.None || CrisisId is not null || Priority == CasePriority.Urgent;


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
}
