using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Core.Incidents;

/// <summary>The operations of crises (E3) and proactive incidents (G3), as the web, the workers and the CLI call them.</summary>
public static class IncidentsFeature
{
    public static IServiceCollection AddIncidents(this IServiceCollection services)
    {
        services.AddScoped<DeclareCrisis>();
        services.AddScoped<DeclareIncident>();
        services.AddScoped<ReachAffected>();
        return services;
    }
}
