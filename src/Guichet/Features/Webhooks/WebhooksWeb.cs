using Guichet.Core.Webhooks;

namespace Guichet.Features.Webhooks;

/// <summary>Outbound webhooks in the server (W10): the admins' API, and the worker that fans events out and posts them.</summary>
public static class WebhooksWeb
{
    public static IServiceCollection AddWebhooksWeb(this IServiceCollection services)
    {
        services.AddScoped<SaveWebhook>();
        services.AddScoped<FanOutWebhooks>();
        // A redirect is an answer, not a success: followed, a POST becomes a GET and the event would be lost.
        services.AddHttpClient<DeliverWebhooks>(client => client.Timeout = TimeSpan.FromSeconds(15))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        return services.AddDueWork<WebhookDispatcherService>();
    }

    public static void MapWebhooksWeb(this GuichetRoutes routes) => routes.Api.MapWebhooks();
}

/// <summary>Each tick after the watcher: new events become deliveries, then due deliveries are posted.</summary>
public sealed class WebhookDispatcherService(IServiceScopeFactory scopes, ServeOptions options, ILogger<WebhookDispatcherService> logger)
    : PeriodicDueWork(scopes, options.WatcherInterval, logger)
{
    protected override string Name => "Webhooks";
    public override DueStage Stage => DueStage.Delivery;

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        await services.GetRequiredService<FanOutWebhooks>().RunAsync(ct);
        await services.GetRequiredService<DeliverWebhooks>().RunDueAsync(ct);
    }
}
