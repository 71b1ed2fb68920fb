using Guichet.Core;
using Guichet.Core.Data;

namespace Guichet.Hosting;

/// <summary>The operations and the database for a CLI verb that runs without the web server, schema ready.</summary>
public static class CliServices
{
    public static async Task<ServiceProvider> StartAsync(ServeOptions options, CancellationToken ct)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddGuichetDatabase(options);
        services.AddGuichetCore();
        var provider = services.BuildServiceProvider();
        await DatabaseSetup.PrepareAsync(provider, ct);
        return provider;
    }
}
