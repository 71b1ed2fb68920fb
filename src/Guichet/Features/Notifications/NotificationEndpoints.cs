using Guichet.Features.Permissions;
using Guichet.Hosting.Web;
using Guichet.Core.Cases;
using Guichet.Core.Data;
using Guichet.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Notifications;

public static class NotificationEndpoints
{
    private static readonly Hosting.Web.Keyset<Core.Notifications.Notification> Newest = new("notifications.newest", (n => n.CreatedAt, true), (n => n.Id, true));

    public sealed record NotificationDto(long Id, string Kind, long CaseId, long? PromiseId, string Text, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

    public static RouteGroupBuilder MapNotifications(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/notifications").WithTags("Notifications");

        group.MapGet("/", async (HttpContext http, GuichetDb db) =>
        {
            var query = new QueryParams(http.Request);
            var unreadOnly = query.Text("unread") is "true" or "1";
            var (page, pageSize) = query.Paging();
            var after = Newest.Read(query);
            if (query.Errors.Any)
            {
                return Problems.From(query.Errors.ToFailure());
            }
            var me = http.User.AgentId();
            var mine = db.Notifications.AsNoTracking().Where(n => n.AgentId == me && (!unreadOnly || n.ReadAt == null));
            var total = await mine.CountAsync(http.RequestAborted);
            var items = await Newest.Page(mine, after, page, pageSize).ToListAsync(http.RequestAborted);
            return TypedResults.Ok(new Cases.Page<NotificationDto>(
                items.Select(n => new NotificationDto(n.Id, n.Kind.ToWire(), n.CaseId, n.PromiseId, n.Text, n.CreatedAt, n.ReadAt)).ToArray(), after is null ? page : 1, pageSize, total)
            {
                Next = Newest.Next(items.LastOrDefault(), items.Count, pageSize),
            });
        })
        .Produces<Cases.Page<NotificationDto>>()
        .WithPaging()
        .WithQuery("unread: true for the unread ones only.")
        .WithSummary("The signed-in agent's notifications, newest first (promises due soon, ceilings); unread=true for the unread ones.");

        group.MapPost("/{id:long}/read", async (long id, HttpContext http, GuichetDb db, TimeProvider clock) =>
        {
            var me = http.User.AgentId();
            var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == id && n.AgentId == me, http.RequestAborted);
            if (notification is null)
            {
                return Problems.Field(StatusCodes.Status404NotFound, "Not found", "id", $"You have no notification {id}.");
            }
            notification.ReadAt ??= Core.ClockExtensions.Now(clock);
            await db.SaveChangesAsync(http.RequestAborted);
            return TypedResults.NoContent();
        })
        .ProducesNothing()
        .WithSummary("Mark one of your notifications read.")
            .TakesNoBody();
        return api;
    }
}
