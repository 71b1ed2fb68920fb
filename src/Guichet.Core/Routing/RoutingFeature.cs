using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Core.Routing;

/// <summary>The operations of routing rules (Q3, E1, E2), as the web, the workers and the CLI call them.</summary>
public static class RoutingFeature
{
    public static IServiceCollection AddRouting(this IServiceCollection services)
    {
        services.AddScoped<SetRoutingRules>();
        return services;
    }
}
