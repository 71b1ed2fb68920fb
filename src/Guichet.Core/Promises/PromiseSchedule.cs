using Guichet.Core.Teams;
using NodaTime;

namespace Guichet.Core.Promises;

/// <summary>
/// When the watcher must act on a promise (SPEC P3), computed once when the promise is made or
/// renegotiated and stored (CONVENTIONS habit 3). All leads are business time on the case team's
/// calendar, so notices fall inside business hours. See docs/decisions/0007.
/// </summary>
public static class PromiseSchedule
{
    public sealed record Plan(DateTimeOffset? OwnerAlertAt, DateTimeOffset NoticeAt);

    public static Plan For(Team team, DateTimeOffset from, DateTimeOffset due)
    {
        var calendar = team.Calendar;
        var f = from.ToInstant();
        var d = due.ToInstant();
        if (d <= f)
        {
            return new Plan(null, due);
        }
        var span = calendar.BusinessTimeBetween(f, d);

        // The customer hears at most the team's notice lead before the due time, and never in the first half of the span.
        var customerLead = Min(Duration.FromTicks((long)(team.NoticeLeadBusinessHours * NodaConstants.TicksPerHour)), span / 2);
        var notice = customerLead > Duration.Zero
            ? calendar.SubtractBusinessTime(d, customerLead)
            : f + ((d - f) / 2);

        // The owner is alerted before the customer would be, so they can keep the promise instead.
        var room = calendar.BusinessTimeBetween(f, notice);
        var ownerLead = Max(span * (team.OwnerLeadPercent / 100.0), Duration.FromTicks((long)(team.OwnerLeadMinBusinessHours * NodaConstants.TicksPerHour)));
        Instant? ownerAlert = room <= Duration.Zero ? null
            : ownerLead < room ? calendar.SubtractBusinessTime(notice, ownerLead)
            : calendar.SubtractBusinessTime(notice, room / 2);
        return new Plan(ownerAlert?.ToUtc(), notice.ToUtc());
    }

    private static Duration Min(Duration a, Duration b) => a < b ? a : b;
    private static Duration Max(Duration a, Duration b) => a > b ? a : b;
}
