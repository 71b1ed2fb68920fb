namespace Guichet.Core.Cases;

// Q4: the send guard refused a team's automatic text on this case.
public sealed partial class Case
{
    /// <summary>The team's text for an automatic message failed the send guard here; the shipped one left (decision 0015).</summary>
    public void RecordRefusedTemplate(string key, Replies.Composed composed, DateTimeOffset now)
    {
        if (composed.Refused.Count > 0)
        {
            Events.Add(CaseEvent.Create(CaseEventKind.GuardBlocked, now, null, key, string.Join(",", composed.Refused.Select(r => r.Code)),
                string.Join(" ", composed.Refused.Select(r => r.Message))));
        }
    }
}
