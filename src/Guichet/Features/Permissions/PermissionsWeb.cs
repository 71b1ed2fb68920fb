namespace Guichet.Features.Permissions;

/// <summary>People and their tokens in the server: the token API and the people and token forms (the policies are registered with authentication).</summary>
public static class PermissionsWeb
{
    public static void MapPermissionsWeb(this GuichetRoutes routes)
    {
        routes.Api.MapTokens();
        routes.Ui.MapPeopleForms();
    }
}
