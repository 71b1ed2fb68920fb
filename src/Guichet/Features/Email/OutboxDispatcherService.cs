using Guichet.Core.Email;

namespace Guichet.Features.Email;

/// <summary>Sends the email outbox over SMTP when `--smtp` is set; runs after the watcher so its notices leave in the same tick.</summary>
public sealed class OutboxDispatcherService(IServiceScopeFactory scopes, ServeOptions options, ILogger<OutboxDispatcherService> logger)
    : PeriodicDueWork(scopes, options.WatcherInterval, logger)
{
    protected override string Name => "Email outbox";
    public override DueStage Stage => DueStage.Delivery;

    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<DeliverOutbox>().RunDueAsync(ct);
}
