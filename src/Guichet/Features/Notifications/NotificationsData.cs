using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Notifications;

/// <summary>The signed-in agent's alerts, newest first, in their team's zone; and the count of unread ones the menu shows.</summary>
public sealed record NotificationsData(IReadOnlyList<Core.Notifications.Notification> Items, string Zone)
{
    public static async Task<NotificationsData> ReadAsync(HttpContext http, GuichetDb db, CancellationToken ct)
    {
        if (await http.CurrentAgentAsync(db) is not { } me)
        {
            return new([], "Europe/Paris");
        }
        var zone = (await db.Teams.FindAsync([me.TeamId], ct))?.TimeZone ?? "Europe/Paris";
        return new(await db.Notifications.AsNoTracking().Where(n => n.AgentId == me.Id).OrderByDescending(n => n.Id).Take(200).ToListAsync(ct), zone);
    }

    public static Task<int> UnreadAsync(GuichetDb db, long agentId, CancellationToken ct) =>
        db.Notifications.CountAsync(n => n.AgentId == agentId && n.ReadAt == null, ct);
}
