using Guichet.Core;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Notifications;

/// <summary>Mark every alert read.</summary>
public static class NotificationForms
{
    public static RouteGroupBuilder MapNotificationForms(this RouteGroupBuilder ui)
    {
        ui.MapPost("/notifications/read", async (HttpContext http, GuichetDb db, TimeProvider clock) =>
        {
            var me = http.User.AgentId();
            var now = clock.Now();
            await db.Notifications.Where(n => n.AgentId == me && n.ReadAt == null).ExecuteUpdateAsync(n => n.SetProperty(x => x.ReadAt, now));
            return Results.Redirect("/notifications");
        });
        return ui;
    }
}
