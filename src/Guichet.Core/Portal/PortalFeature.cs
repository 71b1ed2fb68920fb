using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Core.Portal;

/// <summary>The operations of the web portal (H2), as the web, the workers and the CLI call them.</summary>
public static class PortalFeature
{
    public static IServiceCollection AddPortal(this IServiceCollection services)
    {
        services.AddScoped<ContactFromPortal>();
        services.AddScoped<PortalCase>();
        return services;
    }
}
