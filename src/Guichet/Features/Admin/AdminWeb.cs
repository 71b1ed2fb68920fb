namespace Guichet.Features.Admin;

/// <summary>Administration in the server: the test clock (only with --test-clock).</summary>
public static class AdminWeb
{
    public static void MapAdminWeb(this GuichetRoutes routes, ServeOptions options) => routes.Api.MapClock(options);
}
