namespace Guichet.Features.Notifications;

/// <summary>Alerts in the server: the API and the "mark all read" form.</summary>
public static class NotificationsWeb
{
    public static void MapNotificationsWeb(this GuichetRoutes routes)
    {
        routes.Api.MapNotifications();
        routes.Ui.MapNotificationForms();
    }
}
