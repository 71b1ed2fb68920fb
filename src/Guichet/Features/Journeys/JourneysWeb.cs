namespace Guichet.Features.Journeys;

/// <summary>Test journeys in the server: their API and the worker that runs and judges them.</summary>
public static class JourneysWeb
{
    public static IServiceCollection AddJourneysWeb(this IServiceCollection services) => services.AddDueWork<JourneyRunnerService>();

    public static void MapJourneysWeb(this GuichetRoutes routes) => routes.Api.MapJourneys();
}
