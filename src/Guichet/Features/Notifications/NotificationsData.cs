using Guichet.Core.Data;
using Guichet.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Notifications;

/// <summary>
/// The signed-in agent's alerts, newest first, with what each one names (the case, the promise,
/// the ceiling) so the page says it in the agent's language and zone (issue 24: the stored text is
/// the API's English, with UTC times); and the count of unread ones the menu shows.
/// </summary>
public sealed record NotificationsData(IReadOnlyList<NotificationsData.Item> Items, string Zone)
{
    public sealed record Item(Notification Notification, string Reference, DateTimeOffset CaseOpened, DateTimeOffset Ceiling, string? PromiseWhat, DateTimeOffset? PromiseDue);

    public static async Task<NotificationsData> ReadAsync(HttpContext http, GuichetDb db, CancellationToken ct)
    {
        if (await http.CurrentAgentAsync(db) is not { } me)
        {
            return new([], "Europe/Paris");
        }
        var zone = (await db.Teams.FindAsync([me.TeamId], ct))?.TimeZone ?? "Europe/Paris";
        var items = await db.Notifications.AsNoTracking().Where(n => n.AgentId == me.Id).OrderByDescending(n => n.Id).Take(200)
            .Select(n => new
            {
                Notification = n,
                Case = db.Cases.Where(c => c.Id == n.CaseId).Select(c => new { c.Reference, c.CreatedAt, c.CeilingAt }).FirstOrDefault(),
                Promise = db.Promises.Where(p => p.Id == n.PromiseId).Select(p => new { p.What, p.DueAt }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return new([.. items.Select(i => new Item(i.Notification, i.Case?.Reference ?? "", i.Case?.CreatedAt ?? i.Notification.CreatedAt, i.Case?.CeilingAt ?? i.Notification.CreatedAt,
            i.Promise?.What, i.Promise?.DueAt))], zone);
    }

    public static Task<int> UnreadAsync(GuichetDb db, long agentId, CancellationToken ct) =>
        db.Notifications.CountAsync(n => n.AgentId == agentId && n.ReadAt == null, ct);
}
