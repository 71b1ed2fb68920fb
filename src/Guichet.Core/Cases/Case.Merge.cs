using Guichet.Core.Agents;

namespace Guichet.Core.Cases;

// C1: two cases found to be the same problem become one.
public sealed partial class Case
{
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
}
