using Guichet.Core.Teams;

namespace Guichet.Core.Cases;

public sealed partial class Case
{
    /// <summary>
    /// A case brought from another help desk (W10), as it stood there: its dates, status, owner and
    /// counters from its conversation. Nothing is acknowledged or promised for it; an open one's
    /// ceiling counts from the import, since the company's word in Guichet starts then.
    /// </summary>
    public static Case Imported(Team team, long customerId, string subject, Channel channel, CaseStatus status, CasePriority priority,
        long? ownerId, DateTimeOffset createdAt, DateTimeOffset updatedAt, DateTimeOffset? resolvedAt, DateTimeOffset now)
    {
        (createdAt, updatedAt, resolvedAt) = (createdAt.ToUniversalTime(), updatedAt.ToUniversalTime(), resolvedAt?.ToUniversalTime());
        var active = status is CaseStatus.New or CaseStatus.Open or CaseStatus.WaitingOnCustomer;
        var from = active ? now : createdAt;
        return new Case
        {
            Subject = subject,
            Channel = channel,
            TeamId = team.Id,
            // Its promises are scheduled on the team's calendar (--promise-open).
            Team = team,
            CustomerId = customerId,
            CreatedAt = createdAt,
            UpdatedAt = updatedAt,
            Status = status,
            Priority = priority,
            OwnerId = ownerId,
            ResolvedAt = active ? null : resolvedAt ?? updatedAt,
            CeilingAt = from.AddDays(team.CeilingDays),
            CeilingAlertAt = active ? from.AddDays(team.CeilingDays * team.CeilingAlertPercent / 100.0) : null,
        };
    }

    /// <summary>The counters a conversation gives, from all its messages: contacts, first answer, and whether the customer waits for us.</summary>
    public void CountImported(IEnumerable<Message> conversation)
    {
        (ContactCount, FirstAnsweredAt) = (0, null);
        DateTimeOffset? waiting = null;
        foreach (var m in conversation.OrderBy(m => m.CreatedAt))
        {
            if (m.Direction == MessageDirection.In && m.Kind == MessageKind.Contact)
            {
                ContactCount++;
                waiting ??= m.CreatedAt;
            }
            else if (m.Direction == MessageDirection.Out && m.Kind == MessageKind.Reply && !m.IsAutomatic)
            {
                FirstAnsweredAt ??= m.CreatedAt;
                waiting = null;
            }
        }
        CustomerWaitingSince = IsActive ? waiting : null;
    }

    /// <summary>A later export of the same ticket: its status, priority, owner and team as they stand there now.</summary>
    public void UpdateImported(Team team, CaseStatus status, CasePriority priority, long? ownerId, DateTimeOffset updatedAt, DateTimeOffset? resolvedAt)
    {
        if (team.Id != TeamId)
        {
            (Team, TeamId) = (team, team.Id);
        }
        Status = status;
        Priority = priority;
        OwnerId = ownerId;
        UpdatedAt = updatedAt > UpdatedAt ? updatedAt.ToUniversalTime() : UpdatedAt;
        ResolvedAt = IsActive ? null : resolvedAt?.ToUniversalTime() ?? ResolvedAt ?? updatedAt.ToUniversalTime();
        if (!IsActive)
        {
            CustomerWaitingSince = null;
            CeilingAlertAt = null;
        }
    }
}
