using Guichet.Core.Promises;

namespace Guichet.Features.Promises;

/// <summary>The promise watcher inside the server: at start (what fell due while down, oldest first), then every tick.</summary>
public sealed class PromiseWatcherService(IServiceScopeFactory scopes, ServeOptions options, ILogger<PromiseWatcherService> logger)
    : PeriodicDueWork(scopes, options.WatcherInterval, logger)
{
    protected override string Name => "Promise watcher";
    public override DueStage Stage => DueStage.Rules;

    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<PromiseWatcher>().RunDueAsync(ct);
}
