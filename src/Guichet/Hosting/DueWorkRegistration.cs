namespace Guichet.Hosting;

public static class DueWorkRegistration
{
    /// <summary>A periodic worker: one instance, run as a hosted loop and by the test clock.</summary>
    public static IServiceCollection AddDueWork<T>(this IServiceCollection services) where T : PeriodicDueWork
    {
        services.AddSingleton<T>();
        services.AddHostedService(sp => sp.GetRequiredService<T>());
        services.AddSingleton<IDueWork>(sp => sp.GetRequiredService<T>());
        return services;
    }

    /// <summary>A background worker other code hands work to (a queue, a group commit): one instance, also hosted.</summary>
    public static IServiceCollection AddBackgroundWork<T>(this IServiceCollection services) where T : BackgroundService
    {
        services.AddSingleton<T>();
        services.AddHostedService(sp => sp.GetRequiredService<T>());
        return services;
    }
}
