using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Core.Promises;

/// <summary>The operations of promises: making, keeping, renegotiating, and the watcher that keeps them (P1–P6), as the web, the workers and the CLI call them.</summary>
public static class PromisesFeature
{
    public static IServiceCollection AddPromises(this IServiceCollection services)
    {
        services.AddScoped<MakePromise>();
        services.AddScoped<KeepPromise>();
        services.AddScoped<ReopenPromise>();
        services.AddScoped<RenegotiatePromise>();
        services.AddScoped<PromiseWatcher>();
        services.AddScoped<ApproveCeiling>();
        return services;
    }
}
