using Guichet.Core.Teams;
using Guichet.Core.Customers;

namespace Guichet.Core.Cases;

// E3 and G3: a case caught in a crisis, and a case the company opens to reach a customer.
public sealed partial class Case
{
    /// <summary>E3: the crisis the customer is caught in, when there is one.</summary>
    public long? CrisisId { get; private set; }

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
}
