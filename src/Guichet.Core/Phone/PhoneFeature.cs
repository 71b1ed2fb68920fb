using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Core.Phone;

/// <summary>The operations of the hotline (H4), as the web, the workers and the CLI call them.</summary>
public static class PhoneFeature
{
    public static IServiceCollection AddPhone(this IServiceCollection services)
    {
        services.AddScoped<LogCall>();
        return services;
    }
}
