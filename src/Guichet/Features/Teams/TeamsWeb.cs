namespace Guichet.Features.Teams;

/// <summary>Teams in the server: their settings API.</summary>
public static class TeamsWeb
{
    public static void MapTeamsWeb(this GuichetRoutes routes) => routes.Api.MapTeams();
}
