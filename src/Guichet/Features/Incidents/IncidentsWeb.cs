namespace Guichet.Features.Incidents;

/// <summary>Crises and incidents in the server: their API, the workspace's forms, and the runner that reads uploaded lists.</summary>
public static class IncidentsWeb
{
    public static IServiceCollection AddIncidentsWeb(this IServiceCollection services) => services.AddBackgroundWork<IncidentListRunner>();

    public static void MapIncidentsWeb(this GuichetRoutes routes)
    {
        routes.Api.MapCrises().MapIncidents();
        routes.Ui.MapCrisisForms().MapIncidentForms();
    }
}
