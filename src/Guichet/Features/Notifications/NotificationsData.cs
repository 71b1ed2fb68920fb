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
        var notifications = await db.Notifications.AsNoTracking().Where(n => n.AgentId == me.Id).OrderByDescending(n => n.Id).Take(200).ToListAsync(ct);
        // By key, after the page: a FirstOrDefault inside the projection is a ROW_NUMBER over every case and promise.
        var caseIds = notifications.Select(n => n.CaseId).Distinct().ToList();
        var promiseIds = notifications.Where(n => n.PromiseId is not null).Select(n => n.PromiseId!.Value).Distinct().ToList();
        var cases = caseIds.Count == 0 ? [] : await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Reference, c.CreatedAt, c.CeilingAt }).ToDictionaryAsync(c => c.Id, ct);
        var promises = promiseIds.Count == 0 ? [] : await db.Promises.AsNoTracking().Where(p => promiseIds.Contains(p.Id))
            .Select(p => new { p.Id, p.What, p.DueAt }).ToDictionaryAsync(p => p.Id, ct);
        return new([.. notifications.Select(n =>
        {
            var @case = cases.GetValueOrDefault(n.CaseId);
            var promise = n.PromiseId is { } id ? promises.GetValueOrDefault(id) : null;
            return new Item(n, @case?.Reference ?? "", @case?.CreatedAt ?? n.CreatedAt, @case?.CeilingAt ?? n.CreatedAt, promise?.What, promise?.DueAt);
        })], zone);
    }

    public static Task<int> UnreadAsync(GuichetDb db, long agentId, CancellationToken ct) =>
        db.Notifications.CountAsync(n => n.AgentId == agentId && n.ReadAt == null, ct);
}
