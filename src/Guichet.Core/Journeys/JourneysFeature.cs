using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Core.Journeys;

/// <summary>The operations of synthetic test journeys (M5), as the web, the workers and the CLI call them.</summary>
public static class JourneysFeature
{
    public static IServiceCollection AddJourneys(this IServiceCollection services)
    {
        services.AddScoped<RunJourneys>();
        services.AddScoped<SaveJourney>();
        return services;
    }
}
