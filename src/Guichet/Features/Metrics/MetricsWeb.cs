namespace Guichet.Features.Metrics;

/// <summary>Figures in the server: the metrics API, the dashboard's scripts, and the OpenTelemetry gauges.</summary>
public static class MetricsWeb
{
    public static IServiceCollection AddMetricsWeb(this IServiceCollection services) => services.AddDueWork<ServiceMeter>().AddDueWork<FigureUpkeep>();

    public static void MapMetricsWeb(this GuichetRoutes routes)
    {
        routes.Api.MapMetrics();
        routes.App.MapDashboardAssets();
    }
}
