using Guichet.Core.Agents;

namespace Guichet.Core.Cases;

// Issue 26: a message about another problem becomes a case of its own. Each case's event names the
// other's reference, and carries its id in Detail so that the case page links to it.
public sealed partial class Case
{
    /// <summary>
    /// Messages left for <paramref name="into"/>: their contacts count there, and the customer waits
    /// here only for what stays (<paramref name="stillWaitingSince"/>: their first message after the last answer here).
    /// </summary>
    public void SplitInto(Case into, int contacts, DateTimeOffset? stillWaitingSince, Agent by, DateTimeOffset now)
    {
        ContactCount = Math.Max(1, ContactCount - contacts);
        if (CustomerWaitingSince is not null)
        {
            CustomerWaitingSince = stillWaitingSince;
        }
        UpdatedAt = now;
        Events.Add(CaseEvent.Create(CaseEventKind.SplitInto, now, by, Reference, into.Reference, into.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>This case holds the messages split from <paramref name="from"/>; the customer waits since the first of them.</summary>
    public void SplitFrom(Case from, int contacts, DateTimeOffset waitingSince, Agent by, DateTimeOffset now)
    {
        ContactCount = Math.Max(1, contacts);
        CustomerWaitingSince = waitingSince;
        UpdatedAt = now;
        Events.Add(CaseEvent.Create(CaseEventKind.SplitFrom, now, by, from.Reference, Reference, from.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }
}
