namespace Guichet.Core.Cases;

// M5: a case opened by a test journey's synthetic customer.
public sealed partial class Case
{
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
}
